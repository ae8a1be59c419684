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

  it.each([
    ['Merci beaucoup à Sophie, service impeccable', 'fr'],
    ['Vielen Dank für die schnelle Hilfe', 'de'],
    ['Muchas gracias por la ayuda, todo perfecto', 'es'],
    ['Grazie mille a Giulia, servizio perfetto', 'it'],
    ['Muito obrigado pela ajuda, tudo certo', 'pt'],
    ['Heel erg bedankt voor de hulp', 'nl'],
    ['@OrbitCares minha internet caiu de novo. Terceira vez essa semana.', 'pt'],
  ])('flags the short post %s as %s', (text, lang) => {
    expect(detectLanguage(text)).toEqual({ lang, supported: false });
  });

  it('scores English', () => {
    expect(detectLanguage('@acme on hold for 45 mins and counting')).toEqual({ lang: 'en', supported: true });
    for (const text of [
      'thanks so much',
      'Great service today',
      'Super service, merci',
      'Coffee good, wait 20 mins. #BluebirdCoffee',
      'Bike parking still free.',
      'Survey shows Poroshenko has lost considerable electoral support in two years',
      'ask for Priya at the Northwind Bank Elm St branch, she knows everything',
    ]) {
      expect(detectLanguage(text), text).toEqual({ lang: 'en', supported: true });
    }
  });

  it('gives names-only and very short texts the benefit of the doubt', () => {
    expect(detectLanguage('Cristiano Ronaldo u won the heart <3').supported).toBe(true);
    expect(detectLanguage('Gracias').supported).toBe(true);
    expect(detectLanguage('Danke!').supported).toBe(true);
    expect(detectLanguage('👍👍').lang).toBeNull();
  });
});
