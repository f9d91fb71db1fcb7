import { Injectable } from '@nestjs/common';
import { Actor } from '@accord/common';
import { authenticText, sha256Hex } from './canonical-text';
import { ClauseEntity } from '../clauses/clause.entity';
import { ClauseSnapshot } from './document-version.entity';
import { clauseNumbers } from '../clauses/clause-numbering';
import { ClausesRepository } from '../clauses/clauses.repository';
import { DocumentVersionEntity } from './document-version.entity';
import { DocumentEntity } from '../documents/document.entity';
import { DocumentsRepository } from '../documents/documents.repository';
import { VersionsRepository } from './versions.repository';
import { TranslationsRepository } from '../translations/translations.repository';

export interface NumberedClause {
  clause: ClauseEntity;
  number: string;
}

export interface RecordedVersion {
  document: DocumentEntity;
  version: DocumentVersionEntity;
  clauses: NumberedClause[];
}

/** Every change to a text ends here: an immutable, numbered snapshot with its SHA-256. */
@Injectable()
export class TextVersionsService {
  constructor(
    private readonly documents: DocumentsRepository,
    private readonly clauses: ClausesRepository,
    private readonly versions: VersionsRepository,
    private readonly translations: TranslationsRepository,
  ) {}

  /** The live clauses of a document with their display numbers. */
  async numbered(documentId: string): Promise<NumberedClause[]> {
    const live = await this.clauses.liveOf([documentId]);
    const numbers = clauseNumbers(live);
    return live.map((clause, i) => ({ clause, number: numbers[i] }));
  }

  /**
   * Call inside the change's transaction, with the document row locked and the change made:
   * the snapshot is of the text as the change left it. `reason` may name clauses by their new
   * numbers.
   */
  async record(
    actor: Actor | null,
    document: DocumentEntity,
    reason: string | ((clauses: NumberedClause[]) => string),
  ): Promise<RecordedVersion> {
    const clauses = await this.numbered(document.id);
    const [original, ...others] = document.languages;
    const translated = others.length ? await this.translations.ofDocuments([document.id]) : [];
    const snapshot = clauses.map(({ clause, number }): ClauseSnapshot => {
      const base = { id: clause.id, kind: clause.kind, number, text: clause.text };
      if (!others.length) return base;
      const texts = translated.filter(
        (t) => t.clauseId === clause.id && others.includes(t.language),
      );
      return { ...base, translations: Object.fromEntries(texts.map((t) => [t.language, t.text])) };
    });
    const titles: Record<string, string> = { [original]: document.title };
    for (const language of others) {
      const title = document.titleTranslations[language]?.title;
      if (title) titles[language] = title;
    }
    const text = authenticText({
      languages: document.languages,
      title: document.title,
      titles,
      clauses: snapshot,
    });
    const version = await this.versions.insert({
      documentId: document.id,
      number: document.currentVersion + 1,
      createdById: actor?.id ?? null,
      reason: typeof reason === 'string' ? reason : reason(clauses),
      hash: sha256Hex(text),
      text,
      clauses: snapshot,
      languages: document.languages,
      titles,
    });
    const updated = await this.documents.update(document.id, { currentVersion: version.number });
    return { document: updated, version, clauses };
  }
}
