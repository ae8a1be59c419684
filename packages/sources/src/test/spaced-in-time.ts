/** `count` times one second apart, oldest first, the newest `ageSeconds` ago. */
export const secondsApart = (count: number, ageSeconds: number): Date[] => {
  const now = Date.now();
  return Array.from({ length: count }, (_, i) => new Date(now - (ageSeconds + count - i) * 1000));
};
