declare module 'wink-sentiment' {
  interface WinkToken {
    value: string;
    tag: string;
    score?: number;
    negation?: boolean;
  }
  interface WinkResult {
    score: number | string;
    normalizedScore: number | string;
    tokenizedPhrase?: WinkToken[];
  }
  function sentiment(text: string): WinkResult;
  export default sentiment;
}
