import { CompiledJson, stringifyResult } from './compiled-json';

describe('stringifyResult', () => {
  it('writes a compiled answer as its text, the rest as JSON.stringify would', () => {
    const text = '{"id":"1","title":"Déclaration \\"Pall Mall\\"","clauses":[]}';
    const result = {
      data: { document: new CompiledJson(text), other: { a: 1 } },
      extensions: { x: true },
    };
    const written = stringifyResult(result);
    expect(written.endsWith('\n')).toBe(true);
    expect(JSON.parse(written)).toEqual({
      data: { document: JSON.parse(text), other: { a: 1 } },
      extensions: { x: true },
    });
    expect(written).toContain(text);
  });

  it('is JSON.stringify and a newline for any other answer', () => {
    const result = { errors: [{ message: 'no' }], data: null };
    expect(stringifyResult(result)).toBe(JSON.stringify(result) + '\n');
  });

  it('gives the parsed value to any other serialiser', () => {
    expect(JSON.stringify({ d: new CompiledJson('{"a":[1,2]}') })).toBe('{"d":{"a":[1,2]}}');
  });
});
