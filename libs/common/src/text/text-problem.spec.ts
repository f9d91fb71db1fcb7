import { textProblem } from './text-problem';

describe(textProblem.name, () => {
  const C0 = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i));
  const C1 = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(0x80 + i));
  const LINE = ['\t', '\n', '\r'];

  it('refuses every C0 control, DEL and every C1 control in single-line text and names', () => {
    for (const kind of ['plain', 'name'] as const)
      for (const char of [...C0, '\u007f', ...C1])
        expect(textProblem(`a${char}b`, kind)).not.toBeNull();
  });

  it('keeps tab, LF and CR in multi-line text, and refuses the other controls there', () => {
    for (const char of LINE) expect(textProblem(`a${char}b`, 'multiline')).toBeNull();
    expect(textProblem('line one\r\nline two', 'multiline')).toBeNull();
    for (const char of [...C0.filter((c) => !LINE.includes(c)), '\u007f', ...C1])
      expect(textProblem(`a${char}b`, 'multiline')).toMatch(/^must not contain control characters/);
  });

  it('names the character found', () => {
    expect(textProblem('a\u0000', 'multiline')).toBe(
      'must not contain control characters (U+0000)',
    );
    expect(textProblem('a\u0085', 'plain')).toBe('must not contain control characters (U+0085)');
  });

  it('treats U+2028 and U+2029 as line breaks', () => {
    expect(textProblem('a\u2028b', 'plain')).toBe('must be a single line (no tabs or line breaks)');
    expect(textProblem('a\u2029b', 'multiline')).toBeNull();
  });

  it('refuses a lone surrogate but not a pair', () => {
    expect(textProblem('a\ud800b', 'plain')).toBe('must be well-formed Unicode text');
    expect(textProblem('a\udc00', 'multiline')).toBe('must be well-formed Unicode text');
    expect(textProblem('flag \ud83c\uddeb\ud83c\uddf7', 'plain')).toBeNull();
  });

  it('refuses U+FFFE and U+FFFF, which XML (a Word file) cannot hold', () => {
    for (const kind of ['plain', 'name', 'multiline'] as const) {
      expect(textProblem('a\uffffb', kind)).toBe('must be well-formed Unicode text');
      expect(textProblem('a\ufffe', kind)).toBe('must be well-formed Unicode text');
    }
    expect(textProblem('a\ufffdb', 'multiline')).toBeNull();
  });

  it('keeps every character of a password except NUL', () => {
    expect(textProblem('pa\u0000ss', 'secret')).toBe('must not contain NUL (U+0000)');
    expect(textProblem(`p\t\n\u007f\u0085\u001b\u200b\ud800`, 'secret')).toBeNull();
  });

  it('accepts ordinary text in every script', () => {
    for (const kind of ['plain', 'name', 'multiline', 'secret'] as const)
      expect(textProblem('Côte d’Ivoire – 日本 – مصر – Ελλάδα', kind)).toBeNull();
  });
});
