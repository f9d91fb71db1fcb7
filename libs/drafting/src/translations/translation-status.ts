import { ClauseKind } from '@accord/common';
import { clauseLabel } from '../clauses/clause-label';
import { TitleTranslation } from '../documents/document.entity';

export type TranslationState = 'current' | 'stale' | 'missing';

/** How far one authentic language's text is from the text in the language of negotiation. */
export interface LanguageStatus {
  language: string;
  current: number;
  stale: number;
  missing: number;
  /** Labels ("clause 3", "heading") of the stale clauses, in clause order. */
  staleClauses: string[];
  missingClauses: string[];
  title: TranslationState;
}

/** A translation is current when made from the clause's version, stale when from an older one. */
export function translationState(
  clauseVersion: number,
  translation: { sourceVersion: number } | undefined,
): TranslationState {
  if (!translation) return 'missing';
  return translation.sourceVersion < clauseVersion ? 'stale' : 'current';
}

export function titleState(
  title: string,
  translation: TitleTranslation | undefined,
): TranslationState {
  if (!translation) return 'missing';
  return translation.source === title ? 'current' : 'stale';
}

/**
 * Per authentic language, in the declared order: current, stale and missing clauses (the
 * language of negotiation is always all current) and the state of the title. Translations into
 * languages the document no longer declares are ignored.
 */
export function translationStatus(
  document: {
    languages: readonly string[];
    title: string;
    titleTranslations: Readonly<Record<string, TitleTranslation>>;
  },
  clauses: readonly { id: string; kind: ClauseKind; number: string; version: number }[],
  translations: readonly { clauseId: string; language: string; sourceVersion: number }[],
): LanguageStatus[] {
  const byKey = new Map(translations.map((t) => [`${t.clauseId} ${t.language}`, t]));
  return document.languages.map((language, i) => {
    const status: LanguageStatus = {
      language,
      current: 0,
      stale: 0,
      missing: 0,
      staleClauses: [],
      missingClauses: [],
      title: i === 0 ? 'current' : titleState(document.title, document.titleTranslations[language]),
    };
    for (const clause of clauses) {
      const state =
        i === 0
          ? 'current'
          : translationState(clause.version, byKey.get(`${clause.id} ${language}`));
      status[state]++;
      if (state === 'stale') status.staleClauses.push(clauseLabel(clause.kind, clause.number));
      if (state === 'missing') status.missingClauses.push(clauseLabel(clause.kind, clause.number));
    }
    return status;
  });
}
