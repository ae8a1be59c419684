/**
 * Negative events and their repair, as customers write them. Events are facts, not
 * opinions ("lost my bag", "6 hour delay", "says delivered"): whether a post about one is a
 * complaint or thanks depends on what surrounds it, which the model learns from crosses
 * (praise words about an event with no repair is sarcasm; thanks after a repair is praise).
 * Written in tokenised form like care-lexicon.ts; `#` starts a comment line.
 */
import { phrases } from './care-lexicon.js';

export const EVENT_KINDS = [
  'delay',
  'cancel',
  'charge',
  'lost',
  'damaged',
  'noshow',
  'hold',
  'outage',
  'denial',
  'not-here',
  'logout',
  'wrong',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENTS: Record<EventKind, string[]> = {
  delay: phrases(`
    delay | delays | delayed | delaying | late | later than | hours late | late again | stuck | stranded
    on the tarmac | tarmac | missed my | missed our | missed the | still waiting | been waiting | waited
    waiting for | kept waiting | left waiting | pending | overdue | behind schedule | slow | slowest | took forever
    takes forever | taking forever | weeks later | days later | a month | 3 weeks | queue | queued | in line
  `),
  cancel: phrases(`
    cancelled | canceled | cancelling | canceling | cancellation | cancel my | cancel our | cancelled my
    scrapped | called off | terminated
  `),
  charge: phrases(`
    charged twice | double charged | double charge | double-charged | overcharged | overcharging | charged me
    charging me | extra charge | hidden fee | hidden fees | fee | fees | surcharge | billed twice
    price hike | price rise | overdraft | penalty | deducted | taken twice | debited twice
  `),
  lost: phrases(`
    lost | losing | lose | lost my | missing | gone missing | went missing | disappeared | stolen
    never arrived | never came | hasn't arrived | hasnt arrived | not arrived | didn't arrive | didnt arrive
    never received | not received | no sign of | misplaced | misrouted | ate my
  `),
  damaged: phrases(`
    damaged | broken | broke | smashed | cracked | crushed | dented | ripped | torn | soaked | wet | leaking
    leaked | leaks | cold | soggy | spilled | spilt | stale | mouldy | moldy | dirty | filthy | stained
    in the rain | scratched | bent | faulty | leak | flooded
  `),
  noshow: phrases(`
    no show | no-show | didn't show | didnt show | never showed | didn't turn up | didnt turn up
    never turned up | no one came | nobody came | stood up | missed appointment | missed the appointment
    didn't come | didnt come
  `),
  hold: phrases(`
    on hold | hold music | hold for | holding for | transferred | passed around | runaround | run around
    no answer | no response | no reply | ignored | ghosted | left on read | hung up | cut off
  `),
  outage: phrases(`
    outage | outages | down | offline | no signal | no internet | no wifi | no power | power cut | blackout
    no service | not working | doesn't work | doesnt work | stopped working | crash | crashes | crashed
    crashing | freezes | froze | frozen | glitch | bug | bugs | error | errors | failed | fails | failing
    dropped | dropping | disconnected | buffering | lagging | no water | no heating | no hot water
    died | broke down | packed in
  `),
  denial: phrases(`
    denied | refused | rejected | declined | turned away | told no | won't refund | wont refund | no refund
    not covered | won't cover | wont cover | voided | blocked | frozen account | closed my account
  `),
  'not-here': phrases(`
    says delivered | said delivered | marked as delivered | marked delivered | shows delivered
    delivered to the wrong | wrong address | not here | isn't here | nowhere to be found | left outside
    thrown over | threw it | chucked
  `),
  logout: phrases(`
    logged out | logs me out | logging me out | log me out | locked out | lock me out | can't log in
    cant log in | cannot log in | can't login | cant login | password reset | keeps logging
  `),
  wrong: phrases(`
    wrong order | wrong item | wrong size | wrong room | wrong seat | wrong name | wrong bill | mistake
    mix up | mix-up | mixup | mixed up | error on | incorrect | overbooked | bumped | downgraded | lost my booking
    wrong
  `),
};

/** The problem put right: what turns a post about an event into thanks. */
export const RECOVERY = phrases(`
  sorted | sorted it | sorted out | sorted me | fixed | fixed it | got it fixed | resolved | solved
  got it working | working again | back up | back online | up and running | rebooked me | rebooked us
  refunded me | refunded us | refunded within | replaced | replacement | made it right | made it easy
  made it painless | put it right | on the spot | stayed on | stayed until | stayed late | stayed with
  went above | above and beyond | out of his way | out of her way | out of their way | saved me
  saved us | saved the day | saved my | came through | turned it around | turned things around
  left smiling | within minutes | in minutes | within an hour | same day | managed to | got me on
  got us on | found my | found it | tracked down | tracked it down | arrived safe | all good now
  all sorted | no harm done | credited | compensated | upgraded me | upgraded us | waived | reinstated
  restored | recovered | calmed me down | talked me through | walked me through | stuck with me
  didn't give up | never gave up | kept me updated | kept me posted | followed up | called me back
  rang me back | got back to me | in the end | finally sorted | finally fixed | worked it out
  refunded | full refund | refund came | refund landed | refund showed up | swapped | sent a new
  sent another | sent the right | sent the correct | sent a replacement | new one | moved me | moved us
  arranged | rescheduled | reversed | covered the | paid out | settled | let us in | let me in
  let me through | free of charge | for free | at no extra cost | no charge | didn't charge
  didnt charge | wouldn't charge | handed it | remade | redelivered | resent | re-sent | got us a
  got me a | kept it aside | couriered | gave me a free | gave us a free | honoured | honored
  goodwill | tracked it | tracked my | the next morning | same evening | no fee | no extra charge
  the fix | a fix | reprinted | redone | got it back | squeezed | chased | delivered it | brought it
  sent a fresh | within a week | without me asking | without me even asking | unprompted
  didn't have to ask | no hassle | no drama | no dramas | no arguing | no argument
  no questions asked | on the house | fit us in | fit me in | took it on | quick fix | swift fix
  speedy fix | fast fix | staying late | stays late | stayed behind | staying behind
`);

/** Praise words that sarcasm borrows. Counted for crosses only; AFINN still scores them. */
export const PRAISE_WORDS = new Set(
  `great love loved loving lovely amazing awesome fantastic brilliant perfect perfectly excellent
  wonderful superb impressive impressed incredible outstanding stellar fab fabulous nice good
  best thanks thank thx ty cheers appreciate appreciated legend legends hero heroes star superstar
  stars 10/10 bravo kudos props genius magic magical spectacular stunning phenomenal flawless
  delighted thrilled happy glad helpful efficient smooth seamless`.split(/\s+/),
);
