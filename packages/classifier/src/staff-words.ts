// Word lists for kudos extraction (staff.ts). All lower case, compared with Token.norm.

const words = (s: string) => new Set(s.trim().split(/\s+/));

/** Capitalised words that start sentences, address the company or name things, never a person. */
export const NOT_NAMES = words(`
  i i'm im the you we they it this that thanks thank so your our my he she his her customer
  support service team everyone everybody guys all god lord again much very hi hello hey ok okay
  yes no yeah yep nope great today tonight tomorrow yesterday morning evening afternoon night
  weekend monday tuesday wednesday thursday friday saturday sunday january february march
  september october november december christmas xmas thanksgiving easter just really also and
  but for to from on at in with of a an what why how when where who please pls plz thx ty love
  amazing awesome happy merry chat phone store app help desk staff agent manager rep coverage
  signal delivery food crew pilot website site price prices quality flight flights billing
  internet wifi order driver engineer technician tech lunch dinner breakfast brunch coffee
  outage issue issues problem everything account refund bag card legend hero star wow omg lol
  lmao good bad best nice cool sorry finally honestly seriously literally absolutely definitely
  shoutout props cheers kudos big huge massive special gate barista cashier waiter nurse doctor
  people folks guy lady airport airline bank branch counter lounge terminal mobile fiber router
  modem cable network train bus plane hotel room dm pm am tbh btw mr mrs ms sir madam
  merci gracias danke grazie obrigado obrigada bedankt apple google android iphone windows chrome
  netflix amazon uber`);

/** Words that open thanks for whoever follows: "thanks Dave", "props to Sam", "shoutout Renee". */
export const THANKS = words('thanks thx ty cheers kudos props shoutout shoutouts bless appreciate');

/** Between the thanks word and the name: "thanks so much to", "huge shout out to". */
export const FILLERS = words('so much again to you big huge massive out a lot also especially and goes go');

/** "Maria at support", "Tom from billing", "Kemi in billing". */
export const LINKS = words('at from on in with over via');
export const ROLE_FILLERS = words('the your live customer tech front help our night day late early');
export const ROLES = words(`support service care chat phone phones helpdesk desk reception store branch counter
  gate checkin check team billing line lounge shop office twitter dm dms call shift`);

/** Jobs that introduce a name: "our driver Tomasz", "tech (Keisha)", "Tech named Ray" (see staff.ts). */
export const JOBS = words(`driver tech technician engineer agent rep representative barista pilot captain nurse
  waiter waitress server cashier clerk manager attendant steward stewardess courier installer advisor
  adviser associate specialist guy lady gentleman receptionist teller concierge host hostess bartender
  operator supervisor porter conductor guard banker`);

/** Verbs that report what a named person did for the customer: "Priya rebooked me". */
export const PRAISE_VERBS = words(`helped sorted fixed resolved saved rocks rocked nailed stayed rebooked refunded
  remade waived handled solved guided rescued`);

/**
 * Verbs that are praise only with a particular next word: "kept me updated", "went above and
 * beyond", "walked me through", "found me a seat" (but "Police found…", "Dude walked up").
 */
export const VERB_PHRASES: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['kept', words('me us')],
  ['went', words('above beyond out')],
  ['took', words('care')],
  ['made', words('my our')],
  ['walked', words('me us')],
  ['found', words('me us')],
  ['explained', words('everything me us')],
  ['answered', words('my all every everything')],
  ['credited', words('me us my our')],
  ['unlocked', words('my our')],
  ['deserves', words('a')],
]);

// Past tense only: "Sam was so helpful" reports an interaction; "Coverage is great" is
// a capitalised noun at the start of a sentence, not a person.
export const BE = words('was were has been');
export const PRAISE_ADJ = words(`helpful amazing awesome great fantastic brilliant lovely kind patient excellent
  wonderful star legend lifesaver superb incredible outstanding friendly professional quick fast
  phenomenal stellar best gem hero angel superstar`);
export const INTENSIFIERS = words('so very super really extremely incredibly a an absolute the been such');

/** "our driver Tomasz": a job after these introduces the customer's own contact. */
export const POSSESSIVES = words('our my your');

/** Staff blamed right after being named are no kudos: "Dave on chat was rude". */
export const BLAME = words(`rude useless unhelpful hung incompetent terrible awful clueless wrong lied ignored
  yelled shouted refused dismissive condescending impatient arrogant lazy horrible disrespectful nasty
  hostile laughed blamed argued worst`);
