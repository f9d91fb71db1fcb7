import { textSegments } from './text-segments';

describe(textSegments.name, () => {
  it('cuts out each outermost bracketed passage, nested brackets included', () => {
    expect(textSegments('A [b [c] d] e [f].')).toEqual([
      { text: 'A ', bracketed: false },
      { text: '[b [c] d]', bracketed: true },
      { text: ' e ', bracketed: false },
      { text: '[f]', bracketed: true },
      { text: '.', bracketed: false },
    ]);
  });

  it('brackets the rest after a [ never closed, and reads a stray ] as text', () => {
    expect(textSegments('a] b [c')).toEqual([
      { text: 'a] b ', bracketed: false },
      { text: '[c', bracketed: true },
    ]);
  });
});
