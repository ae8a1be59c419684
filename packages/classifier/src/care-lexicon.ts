/**
 * Customer-care phrase lexicons. AFINN (via wink) knows general sentiment words; these are
 * the phrases that decide care posts and that it misses or misreads. Phrases are written in
 * tokenised form: lower case, apostrophes kept ("can't"), punctuation as its own token.
 */
export type CueKind = 'praise' | 'complaint' | 'request' | 'sarcasm';

/** Phrase lists are written as `|`-separated text; `#` starts a comment line. */
function phrases(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('#'))
    .join('|')
    .split('|')
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => w !== '');
}

const PRAISE = phrases(`
  # wording the lexicon lacks
  you rock | you guys rock | u rock | you rule | rockstar | rock star | thx | thnx | tx
  ty | tysm | phenomenal | props | props to | shoutout | shout out | shout-out | kudos
  hats off | above and beyond | went above | lifesaver | life saver | legend | legends
  a star | superstar | 10/10 | 5 stars | five stars | made my day | well done | spot on
  top notch | first class | world class | on point | a+ | impressed | stellar | bravo
  much appreciated | really appreciate | so helpful | very helpful | super helpful
  really helpful | extremely helpful | so quick | quick response | fast response
  quick reply | sorted it | sorted it out | sorted me out | fixed it | fixed my
  resolved my | resolved it | best customer service | great customer service
  great service | excellent service | amazing service | awesome service | great job
  great work | keep it up | nailed it | love you guys | thank you so much
  thanks so much | thanks a million | many thanks | big thanks | huge thanks
  thank you for your help | thanks for your help | thanks for the help | thanks for helping
  smooth | seamless | painless | hassle free | hassle-free | effortless | on time
  # negated complaints: the lexicon reads these as negative or as nothing
  no complaints | no complaint | can't complain | cant complain | cannot complain
  not bad | not too bad | never had any issues | never had an issue | never had a problem
  never had any problems | no issues | no problems | not missing one | never disappoints
  never disappoint | couldn't be happier | couldnt be happier | no hassle | no fuss
  can't fault | cant fault | can't beat | cant beat | never lets me down
`);

const COMPLAINT = phrases(`
  # complaint wording with no lexicon words
  on hold | still waiting | been waiting | waiting for | still no | still not | still have not
  still haven't | can't get through | cant get through | cannot get through | can't get hold
  held hostage | no response | no reply | no answer | not received | never received
  never arrived | hasn't arrived | hasnt arrived | not arrived | never came | never showed
  lost my | lost our | cancelled my | canceled my | delayed | delay | charged twice
  double charged | overcharged | refund | where is my | where is our | where's my
  wheres my | doesn't work | doesnt work | not working | isn't working | won't let me
  wont let me | won't load | keeps crashing | crashed | down again | outage | no signal
  no service | no wifi | no internet | hung up | cut off | disconnected | stranded
  missed my | never again | fix this | fix it | sort it out | sort this out | unacceptable
  ridiculous | useless | worst | rude | scam | joke | shambles | disgrace | appalling
  disgusting | pathetic | terrible service | poor service | customer service sucks
  sucks | fed up | sick of | tired of | no one | nobody | no help | zero help
  not helpful | unhelpful | wasted | waste of | ripped off | rip off | broken
  damaged | wrong order | missing | overbooked | bumped | left waiting | kept waiting
  runaround | run around | transferred | again ? | seriously ? | really ? | why is
  why can't | why does | why do | why are | how hard | how long | what is going on
  what's going on | terrible | awful | horrible | disappointed | disappointing
  frustrating | frustrated | annoyed | angry | furious | livid | not impressed
  not happy | unhappy | complaint | complain | escalate
`);

const REQUEST = phrases(`
  please help | pls help | plz help | help me | help please | need help | can you
  could you | can someone | can anyone | would you | please | pls | plz | dm me | dm us
  any update | any updates | any news | how do i | how can i | how to | is there
  i want | i need | we need | want to | hope you | hoping | i hope | let me know
  get back to me | respond | reply | answer | thanks for the reply but | thanks but
  thank you but
`);

const SARCASM = phrases(`
  just great | oh great | great job guys | thanks for nothing | thanks a lot for nothing
  thanks for nothing | love that for me | yeah right | so much for | what a joke
  just what i needed | just what i need | way to go | nice one | good job guys
  thanks a bunch | cheers for nothing | great start | love it when | love how
  gotta love | got to love | have to love | you had one job | one job | who knew
  is it too much to ask | how hard is it | how difficult is it | what a surprise
  shocker | surprise surprise | as usual | classic | brilliant . just | great . just
  wonderful . just | perfect . just | fantastic . just | thanks again for
  i just love | well done guys | slow clap | bravo guys
  # eye roll, upside-down face, unamused, face-palm: irony markers in care posts
  🙄 | 🙃 | 😒 | 🤦 | 🤦‍♀️ | 🤦‍♂️
`);

export interface Cue {
  kind: CueKind;
  phrase: string;
  parts: string[];
}

/** Index by first token so matching is a map look-up per token, not a scan of every phrase. */
function index(): Map<string, Cue[]> {
  const byFirst = new Map<string, Cue[]>();
  const add = (kind: CueKind, list: string[]) => {
    for (const phrase of list) {
      const parts = phrase.split(' ');
      const first = parts[0] as string;
      const cues = byFirst.get(first) ?? [];
      cues.push({ kind, phrase, parts });
      byFirst.set(first, cues);
    }
  };
  add('praise', PRAISE);
  add('complaint', COMPLAINT);
  add('request', REQUEST);
  add('sarcasm', SARCASM);
  // Longest phrase first, so "thanks for nothing" wins over "thanks".
  for (const cues of byFirst.values()) cues.sort((a, b) => b.parts.length - a.parts.length);
  return byFirst;
}

export const CUES = index();

/** Positive words that, next to a complaint, are read as sarcasm ("Great, 3 hours on hold"). */
export const IRONY_WORDS = new Set(
  words(`
  great love loving thanks thank fantastic awesome perfect brilliant wonderful amazing nice lovely excellent fab superb yay woohoo
`),
);

/** Units that turn a number into a wait ("on hold for 45 mins"). */
export const DURATION_UNITS = new Set(
  words(`
  min mins minute minutes hour hours hr hrs h day days week weeks month months
`),
);
