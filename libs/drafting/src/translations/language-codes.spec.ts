import { ErrorCode } from '@accord/common';
import { languageCode, languageCodes } from './language-codes';

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error as { code: ErrorCode; extensions: { field: string }; message: string };
  }
  throw new Error('expected a refusal');
};

describe(languageCode.name, () => {
  it('keeps a registered language subtag, in lowercase', () => {
    expect(languageCode('en')).toBe('en');
    expect(languageCode(' FR ')).toBe('fr');
    expect(languageCode('ast')).toBe('ast');
  });

  it('accepts a language with a region subtag, in lowercase ("en-gb", "es-419")', () => {
    expect(languageCode('en-GB')).toBe('en-gb');
    expect(languageCode('es-419')).toBe('es-419');
  });

  it.each([
    ['xx', 'unknown code'],
    ['zz', 'a region alone'],
    ['iw', 'deprecated (he)'],
    ['zh-Hant', 'a script subtag'],
    ['de-1901', 'a variant'],
    ['en-US-x-foo', 'private use'],
    ['und', 'undetermined'],
    ['mul', 'multiple languages'],
    ['english', 'not a code'],
    ['', 'empty'],
    ['a'.repeat(13), 'too long'],
  ])('refuses %p (%s) as BAD_USER_INPUT naming the field', (code) => {
    const error = refusal(() => languageCode(code, 'languages'));
    expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(error.extensions.field).toBe('languages');
  });
});

describe(languageCodes.name, () => {
  it('keeps the order given: the first is the language of negotiation', () => {
    expect(languageCodes(['fr', 'EN'])).toEqual(['fr', 'en']);
  });

  it('refuses an empty list, a duplicate (also by case) and more than ten languages', () => {
    expect(refusal(() => languageCodes([])).message).toMatch(/at least one/);
    expect(refusal(() => languageCodes(['en', 'fr', 'EN'])).message).toMatch(/"en" twice/);
    const eleven = ['en', 'fr', 'es', 'ar', 'ru', 'zh', 'de', 'it', 'pt', 'nl', 'pl'];
    expect(refusal(() => languageCodes(eleven)).message).toMatch(/at most 10/);
  });
});
