import { DomainException } from '@accord/common';
import type { ClauseSnapshot, DocumentEntity, DocumentVersionEntity } from '@accord/drafting';
import type { ClauseText } from './text-document';

/** At most this many languages side by side. */
export const MAX_PARALLEL_LANGUAGES = 2;
const CODE = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,4}$/;
const MAX_PARAM_LENGTH = 2 * 35 + 1;

/** The text shown for a clause not yet translated (drafts only: adoption needs every translation). */
export const UNTRANSLATED = '—';

/** The languages in which a document's text is authentic, the language of negotiation first. */
export function documentLanguages(document: DocumentEntity): string[] {
  return document.languages?.length ? document.languages : ['en'];
}

/**
 * The document's title in each language: as the version shown had it when there is one (its
 * `titles`), else as the document has it now; the title in the language of negotiation where
 * a language has none.
 */
export function documentTitles(
  document: DocumentEntity,
  languages: readonly string[],
  version?: Pick<DocumentVersionEntity, 'titles'> | null,
): Record<string, string> {
  const [original] = documentLanguages(document);
  const now = (language: string) =>
    language === original ? document.title : document.titleTranslations?.[language]?.title;
  return Object.fromEntries(
    languages.map((language) => [
      language,
      version?.titles?.[language] ?? now(language) ?? document.title,
    ]),
  );
}

/**
 * A clause's text in each requested language, from a version's snapshot: the clause's `text`
 * in the language of negotiation (`original`), its translation in the others (UNTRANSLATED
 * where there is none).
 */
export function clauseTexts(
  clause: ClauseSnapshot,
  languages: readonly string[],
  original: string,
): Record<string, ClauseText> {
  return Object.fromEntries(
    languages.map((language) => [
      language,
      {
        text:
          language === original ? clause.text : (clause.translations?.[language] ?? UNTRANSLATED),
      },
    ]),
  );
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
