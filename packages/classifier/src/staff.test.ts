import { describe, expect, it } from 'vitest';
import { brandPatterns, neutraliseBrand } from './brand.js';
import { brandKeys, brandWords, isBrandHandle } from './brand-handles.js';
import { extractStaff } from './staff.js';
import { decodeEntities, tokenise } from './tokenise.js';

const staff = (raw: string, brand?: string, brandTerms: string[] = []): string[] => {
  const text = decodeEntities(raw);
  const tokens = neutraliseBrand(tokenise(text), brandPatterns(brand, brandTerms)).tokens;
  return extractStaff(tokens, { brand, brandTerms }, text);
};

describe('kudos extraction', () => {
  it.each([
    ['Maria at support was amazing', ['Maria']],
    ['thanks Dave on chat', ['Dave']],
    ['if you call, ask for Priya', ['Priya']],
    ['shoutout to @jen_helps for sorting it', ['@jen_helps']],
    ['Sam was so helpful today', ['Sam']],
    ['Huge thanks to Tom from billing', ['Tom']],
    ['Lucy on the phone sorted everything', ['Lucy']],
    ['ask for Grace', ['Grace']],
    ['Keisha was a star', ['Keisha']],
    ['Luis from the night shift stayed on the phone until it worked. Legend', ['Luis']],
    ['came in furious, left smiling: Aisha at the counter sorted the double charge', ['Aisha']],
    ['Thank you Rosa', ['Rosa']],
    ['our driver Tomasz', ['Tomasz']],
    ['big up Kemi in billing', ['Kemi']],
    ['Kenji kept me updated every step', ['Kenji']],
    ['Orbit tech (Keisha) showed up on time', ['Keisha']],
    ['Tech named Ray walked me through the setup', ['Ray']],
    ['Gate agent at ORD (I think her name was Tasha) stayed late', ['Tasha']],
    ['Maria Lopez at support was amazing', ['Maria']],
  ])('%s → %j', (text, names) => {
    expect(staff(text)).toEqual(names);
  });

  it.each([
    ['Fatima and Joe were great', ['Fatima', 'Joe']],
    ['thanks to Fatima, Joe and Ana', ['Fatima', 'Joe', 'Ana']],
    ['thanks to Fatima, Joe, and Ana', ['Fatima', 'Joe', 'Ana']],
    ['thanks Fatima & Joe', ['Fatima', 'Joe']],
    ['Fatima &amp; Joe were great', ['Fatima', 'Joe']],
    ['shoutout to @jen_helps and @priya_helps', ['@jen_helps', '@priya_helps']],
  ])('credits every name in %s', (text, names) => {
    expect(staff(text)).toEqual(names);
  });

  it('never names the brand', () => {
    expect(staff('thanks @united', 'United')).toEqual([]);
    expect(staff('Thanks United!', 'United')).toEqual([]);
  });

  it("never credits the brand's own support handles", () => {
    expect(staff('thx @OrbitCares, the new router is a big upgrade', 'Orbit Internet')).toEqual([]);
    expect(staff('thanks @AcmeHelp for sorting it', 'Acme')).toEqual([]);
    expect(staff('thanks @AcmeAirHelp', 'Acme Air')).toEqual([]);
    expect(staff('shoutout to @SkylineAirSupport', 'Skyline Airways')).toEqual([]);
    expect(staff('big thanks to @RailcoTeam', 'Railco')).toEqual([]);
    expect(staff('thanks @NorthwindHelp, card replaced', 'Northwind Bank')).toEqual([]);
    expect(staff('thanks @AskAcme', 'Acme')).toEqual([]);
    expect(staff('thanks @help_desk_x', 'Acme', ['@help_desk_x'])).toEqual([]);
    // No brand given: only unmistakably corporate handles are recognised.
    expect(staff('thanks @XboxSupport')).toEqual([]);
    expect(staff('thanks @AskAmex')).toEqual([]);
  });

  it('still credits people whose handles look like support accounts', () => {
    expect(staff('shoutout to @jen_helps from the Northwind team', 'Northwind Bank')).toEqual(['@jen_helps']);
    expect(staff('thanks @priya_helps', 'Acme')).toEqual(['@priya_helps']);
    expect(staff('shoutout to @kai_at_orbit from Orbit support', 'Orbit Internet')).toEqual(['@kai_at_orbit']);
    expect(staff('thanks @jen_helps')).toEqual(['@jen_helps']);
  });

  it('skips sentence words, capitalised nouns and blamed staff', () => {
    expect(staff('Thanks Again for nothing')).toEqual([]);
    expect(staff('Dave on chat was rude')).toEqual([]);
    expect(staff('Dave from billing was rude, Sam was great')).toEqual(['Sam']);
    expect(staff('The app is great')).toEqual([]);
    expect(staff('Coverage is great')).toEqual([]);
    expect(staff('Delivery was fast')).toEqual([]);
    expect(staff('Monday was great')).toEqual([]);
    expect(staff('Acme Air fixed it fast', 'Acme Air')).toEqual([]);
    expect(staff('thanks Orbit', 'Orbit Internet')).toEqual([]);
  });
});

describe('kudos for staff at a workplace, in a role, or for what they did', () => {
  it.each([
    // Name at/from/in the brand, a team or a counter
    ['Tobias at Greenfield sorted my bill', 'Greenfield Energy', ['Tobias']],
    ['Ingrid from lost property found my scarf', undefined, ['Ingrid']],
    ['Rashid in baggage services traced the case', undefined, ['Rashid']],
    ['Odette from the airport help counter printed my pass', undefined, ['Odette']],
    ['Sunniva at Acme: thank you for the quick fix', 'Acme Bank', ['Sunniva']],
    ['Fernando from @AcmeHelp waived the late fee', 'Acme', ['Fernando']],
    ['Jae-min at the front desk found our passports', undefined, ['Jae-min']],
    // a place alone needs what they did
    ['Tyre blew out. Kasimir in Port Lenny swapped the car', undefined, ['Kasimir']],
    ['Bianca at Velvet Row Brighton was lovely', 'Velvet Row', ['Bianca']],
    // a role beside the name
    ['Bruno the driver gave me a lift to the door', undefined, ['Bruno']],
    ['The steward, Mateus, found us two seats together', undefined, ['Mateus']],
    ['Ilse, my Acme driver, carried the boxes upstairs', 'Acme Logistics', ['Ilse']],
    ['Ravi, the Acme host on the night train, brought blankets', 'Acme Rail', ['Ravi']],
    ['Acme tech Hollis fixed the line in the rain', 'Acme Internet', ['Hollis']],
    // titles and honorifics: credited without them
    ['Mr Adeyemi at the transfer desk rebooked us', undefined, ['Adeyemi']],
    ['Dr Kapoor replaced the crown for free', undefined, ['Kapoor']],
    ['Harjit ji resolved our booking in a day', undefined, ['Harjit']],
    ['Kiran sir at the help desk was very patient', undefined, ['Kiran']],
    // what they did: putting things right says staff on its own; anything else needs the brand
    ['Our order vanished. Lorcan reprinted the whole lot', undefined, ['Lorcan']],
    ['Nilufar found my ring and posted it back. Thank you Acme', 'Acme', ['Nilufar']],
    ["Acme's Joaquin sorted the router over the phone", 'Acme Internet', ['Joaquin']],
    ['@acme_lena thank you for unlocking my account', 'Acme', ['@acme_lena']],
    ['zainab at acme support was brilliant', 'Acme', ['zainab']],
    ["Sam at Acme couldn't have been nicer", 'Acme', ['Sam']],
  ])('%s → %j', (text, brand, names) => {
    expect(staff(text, brand)).toEqual(names);
  });

  it.each([
    ['Dr. appointment moved again', 'Acme'],
    ['Waiting at gate 12 for my flight', 'Acme'],
    ['Reception fixed it before checkout', 'Acme'],
    ['Turkey saved. Thank you Acme', 'Acme'],
    ['Landed in Lagos and Acme rebooked us fast', 'Acme'],
    ['Flew Delhi to Leh with Acme, lovely crew', 'Acme'],
    ['staff at Dublin were incredible', 'Acme'],
    ['Respected sir, my refund is pending', 'Acme'],
    ['Presents sorted, thanks Acme', 'Acme'],
    ['Honestly fixed in a day', 'Acme'],
    // news, not kudos: a public figure doing something, no brand in sight
    ['Putin called the government an insult', undefined],
    ['Hitchcock is a great director', undefined],
  ])('names nobody in %s', (text, brand) => {
    expect(staff(text, brand)).toEqual([]);
  });

  it('never credits a word of the brand, even when it was not replaced', () => {
    expect(staff('Lena at Pike & Finch was great', 'Pike & Finch')).toEqual(['Lena']);
    expect(staff('thank you Alder House for the upgrade', 'The Alder House')).toEqual([]);
    expect(staff('Jonas from AcmeSupport cleaned up my account', 'Acme')).toEqual(['Jonas']);
  });

  it('still skips staff who are blamed', () => {
    expect(staff('Dave from billing never called back')).toEqual([]);
    expect(staff('Mr Khan at the desk was rude')).toEqual([]);
    expect(staff('Priya the manager refused to help')).toEqual([]);
    expect(staff("Tom at support didn't help at all")).toEqual([]);
    expect(staff('Nuno from Acme got me through the worst day of my year', 'Acme')).toEqual(['Nuno']);
  });
});

describe('brand handles', () => {
  const keys = brandKeys({ brand: 'Acme Air', brandTerms: ['@AskAcme'] });
  it.each(['@AcmeAir', '@acme_air', '@AcmeHelp', '@AcmeAirUK', '@AskAcme', '@TheAcmeTeam', '@acmecares'])(
    '%s is the brand',
    (h) => {
      expect(isBrandHandle(h, keys)).toBe(true);
    },
  );
  it.each(['@jen_helps', '@priya_acme', '@kai_at_acme', '@maria'])('%s is a person', (h) => {
    expect(isBrandHandle(h, keys)).toBe(false);
  });
  it.each([
    ['@PinegateRental', 'Pinegate Car Rental'],
    ['@QuaysideBS', 'Quayside Building Society'],
    ['@LarkspurHelp', 'The Larkspur'],
    ['@TorqueAndCo', 'Torque & Co'],
    ['@WyvernRail', 'Wyvern Railways'],
    ['@KRAHelp', 'Kingsreach Airport'],
  ])('%s is the brand %s, written short', (h, brand) => {
    expect(isBrandHandle(h, brandKeys({ brand }), brandWords({ brand }))).toBe(true);
  });
  it.each([
    ['@acme_kai', 'Acme Air'],
    ['@pinegate_sam', 'Pinegate Car Rental'],
  ])('%s is a person at %s', (h, brand) => {
    expect(isBrandHandle(h, brandKeys({ brand }), brandWords({ brand }))).toBe(false);
  });
});
