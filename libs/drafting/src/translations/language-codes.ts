import { DomainException } from '@accord/common';
import tags from 'language-tags';

/** A document declares at most this many authentic languages (the UN works in six). */
export const MAX_LANGUAGES = 10;
/** The longest code accepted: a three-letter language and a three-digit region ("spa-419"). */
export const MAX_LANGUAGE_LENGTH = 12;

/** Registry codes that name no language a text can be written in. */
const NOT_A_LANGUAGE = new Set(['und', 'mul', 'mis', 'zxx']);

/**
 * One authentic language as stored: a BCP 47 tag checked against the IANA registry
 * (language-tags), made of a language subtag and at most a region subtag ("fr", "en-gb",
 * "es-419"), in lowercase. Scripts, variants, extensions and private use are refused: an
 * authentic text is "French", not a spelling or a script of it.
 */
export function languageCode(raw: string, field = 'language'): string {
  const code = (raw ?? '').trim().toLowerCase();
  if (!code || code.length > MAX_LANGUAGE_LENGTH) {
    throw DomainException.badInput(
      field,
      `${field} must be a BCP 47 language code such as "en" or "fr" (at most ${MAX_LANGUAGE_LENGTH} characters)`,
    );
  }
  const tag = tags(code);
  const subtags = tag.subtags();
  const shape = subtags.map((subtag) => subtag.type()).join('-');
  if (
    !tag.valid() ||
    tag.deprecated() ||
    !(shape === 'language' || shape === 'language-region') ||
    subtags.length !== code.split('-').length ||
    NOT_A_LANGUAGE.has(subtags[0].format())
  ) {
    throw DomainException.badInput(
      field,
      `${field}: "${raw}" is not a language code of the IANA registry (a language subtag, optionally a region: "fr", "en-gb")`,
    );
  }
  return code;
}

/** A document's authentic languages: at least one, each valid, none twice; the first leads. */
export function languageCodes(raw: readonly string[], field = 'languages'): string[] {
  if (!raw.length)
    throw DomainException.badInput(field, `${field} must name at least one language`);
  if (raw.length > MAX_LANGUAGES) {
    throw DomainException.badInput(field, `${field} may name at most ${MAX_LANGUAGES} languages`);
  }
  const codes = raw.map((code) => languageCode(code, field));
  const twice = codes.find((code, i) => codes.indexOf(code) !== i);
  if (twice) throw DomainException.badInput(field, `${field} names "${twice}" twice`);
  return codes;
}
