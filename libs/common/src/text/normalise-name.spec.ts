import { normaliseName } from './normalise-name';

describe(normaliseName.name, () => {
  it.each([
    ['Google\u200b'],
    ['\u200bGoogle'],
    ['Goo\u200cgle'],
    ['Goo\u200dgle'],
    ['\u200eGoogle\u200f'],
    ['\u202aGoogle\u202c'],
    ['\u202bGoogle\u202e'],
    ['Goo\u2060gle\u2064'],
    ['\u2066Google\u2069'],
    ['\ufeffGoogle'],
    ['Goo\u00adgle'],
    ['\u061cGoogle'],
    ['  Google \u00a0'],
  ])('makes %j the same name as "Google"', (variant) => {
    expect(normaliseName(variant)).toBe('Google');
  });

  it('composes to NFC', () => {
    expect(normaliseName('Cafe\u0301')).toBe('Caf\u00e9');
  });

  it('keeps inner spaces and visible characters as written', () => {
    expect(normaliseName('Côte d’Ivoire  (CI)')).toBe('Côte d’Ivoire  (CI)');
  });

  it('gives an empty name for one made only of invisible characters', () => {
    expect(normaliseName('\u200b \ufeff')).toBe('');
  });
});
