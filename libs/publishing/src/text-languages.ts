import { DomainException } from '@accord/common';
import type { ClauseSnapshot, DocumentEntity } from '@accord/drafting';
import type { ClauseText } from './text-document';

/** At most this many languages side by side. */
export const MAX_PARALLEL_LANGUAGES = 2;
const CODE = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,4}$/;
const MAX_PARAM_LENGTH = 2 * 35 + 1;

/**
 * The languages in which a document's text is authentic, the language of negotiation first.
 * The ONE place that reads them: documents declare none yet, so every text is English.
 */
export function documentLanguages(document: DocumentEntity): string[] {
  const declared = (document as DocumentEntity & { languages?: string[] | null }).languages;
  return declared?.length ? declared : ['en'];
}

/** The document's title in each language (one title in every language until titles are translated). */
export function documentTitles(
  document: DocumentEntity,
  languages: readonly string[],
): Record<string, string> {
  return Object.fromEntries(languages.map((language) => [language, document.title]));
}

/**
 * A clause's text in each requested language. The ONE place that reads clause texts per
 * language: today a clause has one text, in the document's first language.
 */
export function clauseTexts(
  clause: ClauseSnapshot,
  languages: readonly string[],
): Record<string, ClauseText> {
  return Object.fromEntries(languages.map((language) => [language, { text: clause.text }]));
}

/** `?language=` is well formed: one or two language codes, comma-separated. */
export function parseLanguageParam(raw: unknown): string[] | null {
  if (raw === undefined || raw === '') return null;
  if (typeof raw !== 'string' || raw.length > MAX_PARAM_LENGTH) {
    throw DomainException.badInput(
      'language',
      `language must be one language code, or ${MAX_PARALLEL_LANGUAGES} separated by a comma (e.g. en,fr)`,
    );
  }
  const codes = raw.split(',').map((code) => code.trim());
  if (codes.length > MAX_PARALLEL_LANGUAGES || codes.some((code) => !CODE.test(code))) {
    throw DomainException.badInput(
      'language',
      `language must be one language code, or ${MAX_PARALLEL_LANGUAGES} separated by a comma (e.g. en,fr)`,
    );
  }
  if (new Set(codes.map((c) => c.toLowerCase())).size !== codes.length) {
    throw DomainException.badInput('language', 'language names the same language twice');
  }
  return codes;
}

/** The requested languages as the document declares them; its first language by default. */
export function requestedLanguages(
  requested: string[] | null,
  declared: readonly string[],
): string[] {
  if (!requested) return [declared[0]];
  return requested.map((code) => {
    const match = declared.find((d) => d.toLowerCase() === code.toLowerCase());
    if (!match) {
      throw DomainException.badInput(
        'language',
        `This text is authentic in ${declared.join(', ')}; it has no text in ${code}`,
      );
    }
    return match;
  });
}

/** A language's name in that language ("English", "français"), for column headings. */
export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
