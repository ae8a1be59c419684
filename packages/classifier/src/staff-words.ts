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
export const THANKS = words(`thanks thx ty cheers kudos props shoutout shoutouts bless appreciate gracias merci
  danke obrigado obrigada grazie diolch takk asante shukriya dhanyavaad mahalo arigato`);

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
  operator supervisor porter conductor guard banker purser rider guide handyman physio physiotherapist
  optometrist optician dentist hygienist vet chef cook explainer curator adjuster tutor coach instructor
  trainer stylist hairdresser barber pharmacist mechanic plumber electrician fitter surveyor valet doorman
  cleaner housekeeper officer inspector controller dispatcher broker consultant caseworker assistant
  salesperson salesman saleswoman fa crewmember ranger lifeguard librarian usher volunteer therapist
  counsellor counselor teacher lecturer midwife paramedic surgeon doctor handler underwriter estimator
  bellboy bellhop butler sommelier housekeeping peon owner groomer lineman linesman seller vendor
  upholsterer tte pt gp carpenter decorator painter gardener landscaper locksmith joiner roofer builder
  apprentice tailor florist baker waitstaff aider`);

/** Verbs that report what a named person did for the customer: "Priya rebooked me". */
export const PRAISE_VERBS = words(`helped sorted fixed resolved saved rocks rocked nailed stayed rebooked refunded
  remade waived handled solved guided rescued`);

/**
 * What staff do to put a customer's problem right: "Beatrice reprinted them", "Jasleen flagged
 * it". Read right after a name that passes `plausibleName`: few other capitalised words at the
 * start of a sentence are followed by these.
 */
export const REPAIR_VERBS = words(`rebooked reissued reprinted redid remade replaced refunded reimbursed reversed
  waived voided credited compensated comped upgraded sorted fixed solved resolved repaired patched restored
  recovered retrieved traced tracked unblocked unfroze unlocked reinstated reopened reactivated escalated
  expedited rectified corrected rescheduled rearranged resent reshipped sourced couriered apologised
  apologized squeezed prioritised prioritized flagged cleared overnighted rebilled refilled reconnected
  diagnosed rebuilt swapped exchanged`);

/**
 * What else staff do for a customer, past tense: "Kezia found one in store", "Folasade rang
 * me back". News says the same of public figures ("Putin called…", "Messi delivered…"), so
 * these count only in a post that names the brand (see staff.ts). Verbs that usually report
 * harm ("lost", "charged", "dropped") are left out.
 */
export const ACTION_VERBS = words(`rang called phoned emailed messaged texted replied responded booked
  cancelled canceled moved switched transferred applied arranged organised organized located found
  spotted noticed caught verified confirmed approved processed released stayed waited helped saved rescued
  guided explained taught drove carried brought delivered posted shipped fetched collected gave offered
  handed lent loaned paid covered measured cleaned treated calmed reassured comforted listened greeted
  welcomed escorted accompanied jumped sprinted rushed hurried managed insisted honoured honored matched
  issued printed logged returned finished completed hired recognised recognized cooked baked prepared packed
  wrapped ordered contacted chased updated hosted spent believed remembered sent removed opened checked ran
  pulled styled dealt settled`);

/** "Kezia quickly found", "Sam personally rang": words allowed between a name and its verb. */
export const ACTION_ADVERBS = words(`then also even just immediately instantly personally quickly calmly patiently
  kindly actually literally finally himself herself themselves straight promptly swiftly`);

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

/**
 * More of them, read like ACTION_VERBS (after a name that reads as a person's, in a post that
 * names the brand): "Mr Kumar got it approved", "Dr Rao came from home at midnight".
 */
export const ACTION_PHRASES: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['kept', words('me us my our refilling checking calm everyone everything updating talking')],
  ['went', words('above beyond out through')],
  ['took', words('care the time it over')],
  ['made', words('my our sure the a')],
  ['got', words('me us my our it everything everyone things')],
  ['came', words('out over back round around straight to down up on from')],
  ['turned', words('it things my our around round')],
  ['stepped', words('in up')],
  ['pulled', words('out strings me us')],
  ['gets', words('it me us')],
  ['goes', words('above beyond out')],
  ['looked', words('after into')],
  ['talked', words('me us my through')],
  ['showed', words('me us my our')],
  ['did', words('a an her his their it everything all')],
  ['had', words('me us them it my our everything')],
  ['saw', words('me us')],
  ['sat', words('me us with')],
  ['is', words('carrying holding')],
  ['tried', words('his her their everything')],
]);

// Past tense only: "Sam was so helpful" reports an interaction; "Coverage is great" is
// a capitalised noun at the start of a sentence, not a person.
export const BE = words('was were has been');
export const PRAISE_ADJ = words(`helpful amazing awesome great fantastic brilliant lovely kind patient excellent
  wonderful star legend lifesaver superb incredible outstanding friendly professional quick fast
  phenomenal stellar best gem hero angel superstar sweet gentle thorough calm caring fab warm lifeline
  honest delight credit diamond champ sweetheart gent saint godsend treasure rockstar asset polite
  courteous attentive knowledgeable efficient understanding reassuring accommodating empathetic
  compassionate considerate thoughtful nice class brill magic marvellous marvelous terrific
  exceptional cheerful supportive responsive diligent genuine gentleman skilled pleasure`);

/**
 * Praise that only a person earns, read after "is" too: "Lorna is lovely", "Fiona is a gem".
 * ("Coverage is great", "Texas is amazing": a place or a thing is not patient or a gem.)
 */
export const PERSON_PRAISE = words(`helpful kind patient friendly polite courteous attentive knowledgeable
  gem star hero angel superstar sweetheart gent gentleman saint godsend treasure asset diamond champ
  lifesaver lifeline credit delight honest thorough gentle caring lovely legend top pleasure nice sweet`);
export const INTENSIFIERS = words('so very super really extremely incredibly a an absolute the been such always');

/** "Rekha ma'am at counter very helpful": an intensifier before praise stands in for "was". */
export const BARE_INTENSIFIERS = words('very so super really extremely incredibly always');

/** "our driver Tomasz": a job after these introduces the customer's own contact. */
export const POSSESSIVES = words('our my your');

/** Staff blamed right after being named are no kudos: "Dave on chat was rude", "kept me waiting". */
export const BLAME = words(`rude useless unhelpful hung incompetent terrible awful clueless wrong lied ignored
  yelled shouted refused dismissive condescending impatient arrogant lazy horrible disrespectful nasty
  hostile laughed blamed argued worst waiting promised`);

/** Right after a name or its team: "Sam at support never called back", "Dave didn't help". */
export const NEGATORS = words(`not never didn't didnt couldn't couldnt wouldn't wouldnt won't wont can't cant
  wasn't wasnt isn't isnt hasn't hasnt haven't havent doesn't doesnt don't dont no nobody still`);

/** "Mr Okafor", "Dr. Joshi", "Captain Tuukka", "Aunty Funmi": a person, credited without the title. */
export const TITLES = words(`mr mrs ms miss mx dr capt captain prof professor sister chef coach aunty auntie
  uncle officer pastor rev`);

/** "Manpreet ji", "Kiran sir", "Rekha ma'am", "Anand bhaiya": after a name, a person is meant. */
export const HONORIFICS = words(`ji sir ma'am maam madam bhai bhaiya anna didi akka sahab saab garu sensei san`);

/** Between "Name at" and the team or place: "Femke at the @LyraAir transfer desk". */
export const ORG_DETERMINERS = words('the your our their its');

/**
 * Words that open a sentence capitalised and are no one's name. Only read where a capitalised
 * word could be either (the start of a sentence, before a verb or "at <place>"): "Waiting at
 * gate 22", "Reception fixed it", "Mum rang them". Names that are also words stay out of it
 * ("Grace", "Hope", "Precious", "Will", "May").
 */
export const SENTENCE_WORDS = words(`
  someone somebody nobody noone anyone anybody everyone everybody whoever whatever one ones two three
  four five six seven eight nine ten first second third last next another other others both each either
  neither none several lots loads most more less few many some any such same whole half
  although though however meanwhile otherwise instead anyway anyhow besides despite unless until since
  while whilst once because cause cos coz if whether then than yet still already soon later earlier now
  eventually finally luckily thankfully fortunately unfortunately sadly hopefully honestly seriously
  literally basically actually apparently obviously clearly probably maybe perhaps definitely absolutely
  totally truly genuinely simply surely nearly barely mostly partly fairly rarely merely kindly deeply
  highly especially particularly respectfully previously recently currently initially originally normally
  usually always never ever sometimes often again almost quite rather pretty even only also just too very
  well regardless overall plus instead ps p.s update edit note fyi
  oh ah ahh aww wow omg omfg lol lmao haha hahaha hmm um umm ugh ooh yay yo ya yup yep yes no nope nah ok okay
  alright hey hi hello dear hiya cheers woohoo hooray yikes phew gosh gee jeez dang damn bloody hell wtf
  please pls plz regards respected sir madam team thanks thank bless
  mum mom mummy mommy mam mama dad daddy papa parents wife husband hubby son daughter kids kid child
  children baby babies brother sister bro sis gran granny grandma grandad grandpa nan nana nanna
  grandmother grandfather uncle aunt aunty auntie cousin nephew niece boyfriend girlfriend partner fiance
  fiancee friend friends mate mates neighbour neighbor colleague colleagues boss landlord landlady family
  folks people person man woman men women lady ladies guy guys girl girls boy boys dude lads lad chap bloke
  staff crew team employee employees worker workers manager managers management reception receptionist
  security police cops customs officer officers support service agent agents rep reps driver drivers
  engineer engineers technician technicians tech techs nurse nurses doctor doctors doc pilot pilots cabin
  ground ops operations office store shop branch counter desk booth kiosk cashier guard guards conductor
  airport flight flights plane train trains bus buses coach taxi cab car van hotel room lobby gate
  terminal station platform city town village street road home house work school hospital clinic
  pharmacy market mall restaurant cafe bar pub
  order orders delivery parcel package box bag bags luggage suitcase refund refunds payment payments bill
  bills account accounts card cards money cash charge charges fee fees price prices ticket tickets booking
  bookings reservation appointment claim claims complaint complaints issue issues problem problems error
  errors fault mistake mistakes update updates email emails call calls phone line chat app website site
  system service quality food coffee drink drinks meal meals breakfast lunch dinner brunch wifi internet
  broadband signal network router queue queues parking checkout checkin ferry boat ship cruise
  installation install repair facial massage haircut manicure pedicure treatment consultation session
  class lesson course tour trip journey ride pickup collection dropoff upgrade transfer presents gifts
  company power lift elevator escalator heating water boiler electricity gas easily
  get got go went come came take took make made give gave keep kept put let see saw look looked find
  found call called ring rang phone phoned ask asked tell told say said spoke speak talk talked buy bought
  pay paid send sent spend spent wait waited try tried need needed want wanted love loved like liked hate
  hated appreciate check checked book booked order ordered arrive arrived land landed leave left stay
  stayed stuck stop stopped start started turn turned walk walked drive drove ride rode fly flew run ran
  sit sat stand stood wake woke eat ate drink drank read write wrote sign signed join joined visit visited
  contact contacted email emailed text texted message messaged complain complained report reported return
  returned reply replied respond responded receive received fix fixed help helped sort sorted lost lose
  broke break forgot forget remember remembered hoped wish wished think thought know knew feel felt seem
  seemed happen happened moved sorted rebooked refunded cancelled canceled delayed
  good great nice best better worse worst bad awful terrible horrible amazing awesome brilliant lovely
  fantastic excellent perfect superb wonderful incredible outstanding beautiful gorgeous stunning fine
  decent poor sad happy glad grateful thankful relieved impressed shocked disappointed frustrated angry
  annoyed furious gutted tired exhausted cold hot late early quick fast slow easy hard big small huge
  massive little long short new old whole full empty free cheap expensive busy quiet real true proper
  absolute total top special genuine honest kind sweet patient friendly helpful
  morning afternoon evening night day days week weeks month months year years hour hours minute minutes
  weekend holiday holidays christmas xmas easter eid diwali ramadan summer winter spring autumn
  legend legends hero heroes star stars gem angel respect kudos props shoutout credit praise bravo congrats
  congratulations life
  google apple microsoft samsung facebook instagram twitter whatsapp tiktok youtube netflix spotify amazon
  paypal visa mastercard amex ebay uber lyft airbnb tesla sony xbox playstation iphone ipad android
  windows chrome`);

/** Names that are also words AFINN scores (sentiment words are otherwise no names). */
export const WORD_NAMES = words(`grace hope joy faith mercy patience charity comfort blessing precious gift
  favour favor rob ally victor grant sunny honor honour destiny justice liberty promise felicity prosper
  merry happy trust`);

/** Names that end like "-ed"/"-ing"/"-ly"/"-ers" words: kept by `plausibleName`. */
export const SUFFIX_NAMES = words(`jared ahmed javed saeed majed hamed mohammed muhammed mohamed sioned alfred
  mildred manfred winifred rasheed waleed naveed majeed hameed fareed zayed sayed syed obed aled
  aisling sterling manning fleming channing golding harding browning keating ewing
  kimberly beverly shelly charly fred reed clement
  anders rogers sanders peters walters myers summers powers chambers masters waters`);

/** A team or a counter: "Hyun-woo in baggage services", "Kwame from lost property". */
export const TEAMS = words(`services property relations retentions escalations complaints claims returns
  information info security baggage floor ops operations crew cabin bar kitchen till tills warehouse depot
  yard workshop garage pharmacy reception accounts sales lettings onboarding collections recoveries fraud
  disputes payments point centre center booth kiosk hub unit department dept gallery showroom outlet
  station branch lounge maintenance housekeeping concierge aid events ward window webchat`);

/** Words that lead to a team: "the airport help counter", "the duty manager". */
export const TEAM_FILLERS = words(`airport lost customer ground guest guests help information info baggage
  sorting supervisor transfer terminal vulnerable business personal mortgage insurance fraud front back
  main station store branch head service services duty night day shift train delivery practice ride
  support`);
