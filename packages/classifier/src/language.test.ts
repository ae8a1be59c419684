import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language.js';

describe('language detection', () => {
  it.each([
    ['Vielen Dank für die schnelle Hilfe, echt toll', 'de'],
    ['Mi vuelo lleva tres horas de retraso y nadie responde', 'es'],
    ['Merci beaucoup pour votre aide, le service client est super', 'fr'],
  ])('flags %s as %s, unsupported', (text, lang) => {
    expect(detectLanguage(text)).toEqual({ lang, supported: false });
  });

  it('scores English', () => {
    expect(detectLanguage('@acme on hold for 45 mins and counting')).toEqual({ lang: 'en', supported: true });
  });

  it('gives names-only and very short texts the benefit of the doubt', () => {
    expect(detectLanguage('Cristiano Ronaldo u won the heart <3').supported).toBe(true);
    expect(detectLanguage('Gracias').supported).toBe(true);
    expect(detectLanguage('👍👍').lang).toBeNull();
  });
});
