import { describe, expect, it } from 'vitest';
import { brandPatterns, neutraliseBrand } from './brand.js';
import { brandKeys, isBrandHandle } from './brand-handles.js';
import { extractStaff } from './staff.js';
import { decodeEntities, tokenise } from './tokenise.js';

const staff = (raw: string, brand?: string, brandTerms: string[] = []) => {
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
});
