import { describe, expect, it } from 'vitest';
import { analyse } from './analyse.js';
import { isSarcastic } from './decide.js';

const read = (text: string) => analyse(text, { brand: 'Acme' }, 1 << 12);

describe('negative events and their repair', () => {
  it.each([
    ['the wrong sofa came, they swapped it the next morning', 'wrong'],
    ['the app ate my ticket and charged me, refunded within the hour', 'lost'],
    ['my claim was pending for weeks; Ravi chased it and it was paid out in 2 days', 'delay'],
    ['the car battery died at the airport and they sent another one for free', 'outage'],
    ['the table arrived scratched, they sent a replacement no questions asked', 'damaged'],
  ])('finds the event and the repair in "%s"', (text, kind) => {
    const e = read(text).events;
    expect(e.events).toContain(kind);
    expect(e.recovery).toBeGreaterThan(0);
  });

  it('a negated repair is no repair', () => {
    expect(read("I still haven't been refunded, 3 weeks on").events.recovery).toBe(0);
    expect(read('never refunded, never replaced').events.recovery).toBe(0);
  });

  it('a complaint about an event has no repair', () => {
    const e = read('wrong item again and nobody answers the phone').events;
    expect(e.events).toContain('wrong');
    expect(e.recovery).toBe(0);
  });
});

describe('sarcasm veto', () => {
  it('an eye-roll at an event that was then put right does not veto the thanks', () => {
    const a = read(
      'bag went to Dublin instead of Dubai 🙃 but they tracked it and couriered it to my hotel. impressed',
    );
    expect(isSarcastic(a)).toBe(false);
  });

  it('an eye-roll with nothing put right still does', () => {
    expect(isSarcastic(read('great service as always, 2 hours on hold 🙃'))).toBe(true);
    expect(isSarcastic(read('thanks for the update 🙄'))).toBe(true);
  });

  it('a short time with no event is no irony; a short wait after an event still is', () => {
    expect(read('landed 20 min early and the crew were so cheerful. very nice').signals.irony).toBeUndefined();
    expect(read('delayed again, great, another 20 min').signals.irony).toBeDefined();
  });
});
