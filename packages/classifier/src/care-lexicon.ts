/**
 * Customer-care phrase lexicons. AFINN (via wink) knows general sentiment words; these are
 * the phrases that decide care posts and that it misses or misreads. Phrases are written in
 * tokenised form: lower case, apostrophes kept ("can't"), punctuation as its own token.
 */
export type CueKind = 'praise' | 'complaint' | 'request' | 'sarcasm' | 'ironic';

/** Phrase lists are written as `|`-separated text; `#` starts a comment line. */
export function phrases(text: string): string[] {
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
  top notch | world class | on point | a+ | impressed | stellar | bravo
  much appreciated | really appreciate | so helpful | very helpful | super helpful
  really helpful | extremely helpful | so quick | quick response | fast response
  quick reply | sorted it | sorted it out | sorted me out | fixed it | fixed my
  resolved my | resolved it | best customer service | great customer service
  great service | excellent service | amazing service | awesome service | great job
  great work | keep it up | nailed it | love you guys | thank you so much
  thanks so much | thanks a million | many thanks | big thanks | huge thanks
  thank you for your help | thanks for your help | thanks for the help | thanks for helping
  smooth | seamless | painless | hassle free | hassle-free | effortless
  # a problem put right: the post names the problem, but it is thanks
  back up and running | back online | no questions asked
  went out of his way | went out of her way | out of their way | saved me | saved my | saved the day
  minutes flat | customer for life | absolute pros | like a pro | wizard
  credit where due | credit where it's due | sorted | sorted my | sorted out | solved | resolved | fixed my | all fixed | all sorted
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
  double charged | overcharged | no refund | still no refund | where is my | where is our | where's my
  wheres my | doesn't work | doesnt work | not working | isn't working | won't let me
  wont let me | won't load | keeps crashing | crashed | down again | outage | no signal
  no service | no wifi | no internet | hung up | cut off | disconnected | stranded
  missed my | never again | fix this | fix it | sort it out | sort this out | unacceptable
  ridiculous | useless | worst | rude | scam | joke | shambles | disgrace | appalling
  disgusting | pathetic | terrible service | poor service | customer service sucks
  sucks | fed up | sick of | tired of | no help | zero help
  not helpful | unhelpful | wasted | waste of | ripped off | rip off | broken
  damaged | wrong order | missing | overbooked | bumped | left waiting | kept waiting
  runaround | run around | transferred | again ? | seriously ? | really ? | why is
  why can't | why does | why do | why are | how hard | how long | what is going on
  what's going on | terrible | awful | horrible | disappointed | disappointing
  frustrating | frustrated | annoyed | angry | furious | livid | not impressed
  not happy | unhappy | complaint | complain | escalate | been down | is down | went down
  down since | not loading | won't connect | no power | power cut | still broken | not fixed
  isn't fixed | still isn't | still doesn't | still can't | price rise | price hike | bill went up
  crashes | crashing | constantly crashes | logged me out | logs me out | didn't show up | didn't arrive
  did not arrive | never showed up | hasn't shown up | not showing | internet down | wifi down
  service down | signal down | down for | all week | all day | for days | for weeks | every time
  broke again | broken again | stopped working | stops working | keeps dropping | dropping
  cracked | arrived damaged | arrived broken | disappeared | throttled | under maintenance
  never signed up | out of stock | leaks | can't even | won't even | keeps logging | keeps failing
  keeps freezing | keeps cutting | keeps asking | logging me out
  # rhetorical questions
  do you even | who designs | who thought | is anyone | anyone there | anyone home | what is the point
  what's the point | why bother | actually working | does anyone
  nightmare | a nightmare | three times | four times | several times | multiple times
  second time | 2nd time | third time | 3rd time | fourth time | 4th time | fifth time | 5th time
`);

const REQUEST = phrases(`
  please help | pls help | plz help | help me | help please | need help | can you
  could you | can someone | can anyone | would you | please | pls | plz | dm me | dm us
  any update | any updates | any news | how do i | how can i | how to | is there
  i want | i need | we need | want to | hope you | hoping | i hope | let me know
  get back to me | respond | reply | answer | thanks for the reply but | thanks but
  thank you but
  # procedural replies in a support thread: courtesy, not praise
  dm sent | sent you a dm | sent a dm | sent you a message | dmed | dm'd | will do | i will try
  i'll try | details sent | sent my details | sent you my | i'll wait | will wait | done that
  followed | followed you | i have sent | i've sent | just sent | sent it
`);

/**
 * Eye roll, upside-down face, unamused, face-palm: irony markers in care posts. Sarcasm cues,
 * except that next to a repair they roll their eyes at the event, not the thanks (decide.ts).
 */
export const IRONY_EMOJI: readonly string[] = ['🙄', '🙃', '😒', '🤦', '🤦‍♀️', '🤦‍♂️'];

// Sarcasm on its own: these flip praise words into complaint wherever they appear.
const SARCASM = phrases(`
  just great | oh great | thanks for nothing | thanks a lot for nothing | cheers for nothing
  love that for me | yeah right | so much for | what a joke | you had one job | one job
  is it too much to ask | how hard is it | how difficult is it | slow clap | oh good | oh cool
  oh wonderful | oh perfect | oh fantastic | oh joy | nothing says | never gets old
  truly the future | when it works | if it works | proud of yourselves | proud of yourself
  great . just great | brilliant . just brilliant | wonderful . just wonderful
  perfect . just perfect | fantastic . just fantastic | great . just | brilliant . just
`).concat(IRONY_EMOJI);

// Often sincere ("love how fast that was"): read as irony only next to a complaint or a wait.
const IRONIC = phrases(`
  great job guys | good job guys | well done guys | bravo guys | just what i needed
  just what i need | way to go | nice one | thanks a bunch | great start | love it when
  love how | gotta love | got to love | have to love | who knew | what a surprise | shocker
  surprise surprise | as usual | classic | thanks again for | i just love
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
  add('ironic', IRONIC);
  // Longest phrase first, so "thanks for nothing" wins over "thanks".
  for (const cues of byFirst.values()) cues.sort((a, b) => b.parts.length - a.parts.length);
  return byFirst;
}

export const CUES = index();

/**
 * Positive words that, next to a complaint, are read as sarcasm ("Great, 3 hours on hold").
 * Not "thanks": courtesy inside complaints is sincere more often than not.
 */
export const IRONY_WORDS = new Set(
  words(`
  great love loving fantastic awesome perfect brilliant wonderful amazing nice lovely excellent
  fab superb yay woohoo
`),
);

/** Units that turn a number into a wait ("on hold for 45 mins"). */
export const DURATION_UNITS = new Set(
  words(`
  min mins minute minutes hour hours hr hrs h day days week weeks month months times
`),
);
