import { Injectable } from '@nestjs/common';
import {
  Actor,
  DomainException,
  TEXT_LIMITS,
  TransactionHost,
  TypeOrmAdapter,
} from '@accord/common';
import { AuditService } from '@accord/audit';
import { can } from '@accord/policy';
import { clauseLabel } from '../clauses/clause-label';
import { clauseText } from '../clauses/clause-text';
import { DocumentEvents } from '../shared/document-events';
import { DocumentEntity } from '../documents/document.entity';
import { DocumentsRepository } from '../documents/documents.repository';
import { DraftLocks } from '../shared/draft-locks.service';
import { assertAllowedOnDocument } from '../shared/drafting-access';
import { NumberedClause, TextVersionsService } from '../versions/text-versions.service';
import { ClauseTranslationEntity } from './clause-translation.entity';
import { declaredLanguage } from './declared-language';
import { languageCodes } from './language-codes';
import { LanguageStatus, translationStatus } from './translation-status';
import { TranslationsRepository } from './translations.repository';

/**
 * The authentic languages of a document and the texts in them. Every change locks the document
 * through DraftLocks (the path clause edits take, with its freezes), is checked by the policy,
 * records a version (the canonical text covers every authentic language) and an audit event in
 * one transaction, then tells documentChanged subscribers.
 */
@Injectable()
export class TranslationsService {
  constructor(
    private readonly locks: DraftLocks,
    private readonly documents: DocumentsRepository,
    private readonly translations: TranslationsRepository,
    private readonly versions: TextVersionsService,
    private readonly audit: AuditService,
    private readonly events: DocumentEvents,
    private readonly txHost: TransactionHost<TypeOrmAdapter>,
  ) {}

  /**
   * Declares the authentic languages. The language of negotiation (the first) is the language
   * of the clauses' text, so it changes only while the document has no clause. A language
   * removed keeps its translations, hidden until it is declared again.
   */
  async setLanguages(
    actor: Actor | null,
    documentId: string,
    raw: readonly string[],
  ): Promise<DocumentEntity> {
    let changed = false;
    const result = await this.txHost.withTransaction(async () => {
      const document = await this.locks.document(documentId);
      assertAllowedOnDocument(actor, 'document.setLanguages', document);
      const languages = languageCodes(raw);
      if (languages.join() === document.languages.join()) return document;
      if (languages[0] !== document.languages[0] && document.currentVersion > 0) {
        throw DomainException.badInput(
          'languages',
          `The language of negotiation (${document.languages[0]}) is the language of the clauses' text: it stays first once the document has clauses`,
        );
      }
      let updated = await this.documents.update(document.id, { languages });
      let version: number | null = null;
      if (document.currentVersion > 0) {
        const recorded = await this.versions.record(
          actor,
          updated,
          `authentic languages: ${languages.join(', ')}`,
        );
        updated = recorded.document;
        version = recorded.version.number;
      }
      await this.audit.record(actor, {
        action: 'document.languagesSet',
        entityType: 'Document',
        entityId: document.id,
        details: { from: document.languages, to: languages, version },
      });
      changed = true;
      return updated;
    });
    if (changed) await this.events.changed(documentId);
    return result;
  }

  /**
   * The clause's text in another authentic language, made from the clause version
   * `sourceVersion`, which must be the clause's current version: an older one is a CONFLICT
   * carrying the current version and text (translate what the clause says now), a later one
   * does not exist (BAD_USER_INPUT).
   */
  async setClauseTranslation(
    actor: Actor | null,
    input: { clauseId: string; language: string; text: string; sourceVersion: number },
  ): Promise<{ translation: ClauseTranslationEntity; clause: NumberedClause }> {
    const text = clauseText(input.text);
    let changed = false;
    const result = await this.txHost.withTransaction(async () => {
      const { document, clause } = await this.locks.clause(input.clauseId);
      assertAllowedOnDocument(actor, 'translation.edit', document);
      const language = declaredLanguage(document, input.language);
      if (language === document.languages[0]) {
        throw DomainException.badInput(
          'language',
          `${language} is the language of negotiation: its text is the clause's text, changed with updateClause or an amendment`,
        );
      }
      if (input.sourceVersion > clause.version) {
        throw DomainException.badInput(
          'sourceVersion',
          `sourceVersion ${input.sourceVersion} does not exist: the clause is at version ${clause.version}`,
        );
      }
      if (input.sourceVersion < clause.version) {
        throw DomainException.conflict(
          `The clause changed since version ${input.sourceVersion}: it is at version ${clause.version}; translate its current text`,
          {
            field: 'sourceVersion',
            clauseId: clause.id,
            currentVersion: clause.version,
            currentText: clause.text,
          },
        );
      }
      const existing = (await this.translations.ofClauses([clause.id])).find(
        (t) => t.language === language,
      );
      const numbered = async () =>
        (await this.versions.numbered(document.id)).find((c) => c.clause.id === clause.id)!;
      // The same text from the same version changes nothing: no version, nothing to audit.
      if (existing && existing.text === text && existing.sourceVersion === input.sourceVersion) {
        return { translation: existing, clause: await numbered() };
      }
      const translation = await this.translations.save({
        clauseId: clause.id,
        documentId: document.id,
        language,
        text,
        sourceVersion: input.sourceVersion,
        updatedById: actor?.id ?? null,
      });
      const recorded = await this.versions.record(actor, document, (all) => {
        const number = all.find((c) => c.clause.id === clause.id)?.number ?? '';
        return `${clauseLabel(clause.kind, number)} translated (${language})`;
      });
      await this.audit.record(actor, {
        action: 'clause.translated',
        entityType: 'Clause',
        entityId: clause.id,
        details: {
          documentId: document.id,
          language,
          sourceVersion: input.sourceVersion,
          replaced: existing ? existing.text : null,
          version: recorded.version.number,
        },
      });
      changed = true;
      return {
        translation,
        clause: recorded.clauses.find((c) => c.clause.id === clause.id)!,
      };
    });
    if (changed) await this.events.changed(result.clause.clause.documentId);
    return result;
  }

  /**
   * The title in one authentic language. In the language of negotiation it is the document's
   * title, edited directly (DRAFT only, like a clause); in another it is a translation of the
   * current title, stale once that title changes.
   */
  async setTitle(
    actor: Actor | null,
    documentId: string,
    rawLanguage: string,
    rawTitle: string,
  ): Promise<DocumentEntity> {
    const title = (rawTitle ?? '').trim();
    if (!title) throw DomainException.badInput('title', 'title must not be empty');
    if (title.length > TEXT_LIMITS.title) {
      throw DomainException.badInput(
        'title',
        `title must be at most ${TEXT_LIMITS.title} characters`,
      );
    }
    let changed = false;
    const result = await this.txHost.withTransaction(async () => {
      const document = await this.locks.document(documentId);
      // Who may set no title at all hears so before anything about the language.
      if (!can(actor, 'document.editTitle', document)) {
        assertAllowedOnDocument(actor, 'translation.edit', document);
      }
      const language = declaredLanguage(document, rawLanguage);
      const original = language === document.languages[0];
      assertAllowedOnDocument(
        actor,
        original ? 'document.editTitle' : 'translation.edit',
        document,
      );
      const translated = document.titleTranslations[language];
      const unchanged = original
        ? document.title === title
        : translated?.title === title && translated.source === document.title;
      if (unchanged) return document;
      let updated = await this.documents.update(
        document.id,
        original
          ? { title }
          : {
              titleTranslations: {
                ...document.titleTranslations,
                [language]: { title, source: document.title },
              },
            },
      );
      let version: number | null = null;
      if (document.currentVersion > 0) {
        const recorded = await this.versions.record(actor, updated, `title (${language}) set`);
        updated = recorded.document;
        version = recorded.version.number;
      }
      await this.audit.record(actor, {
        action: 'document.titleSet',
        entityType: 'Document',
        entityId: document.id,
        details: {
          language,
          title,
          previous: original ? document.title : (translated?.title ?? null),
          version,
        },
      });
      changed = true;
      return updated;
    });
    if (changed) await this.events.changed(documentId);
    return result;
  }

  /** The live clauses of a document with their display numbers. */
  numbered(documentId: string): Promise<NumberedClause[]> {
    return this.versions.numbered(documentId);
  }

  /** translationStatus of a document as it stands; `clauses`: its live clauses, when read already. */
  async status(document: DocumentEntity, clauses?: NumberedClause[]): Promise<LanguageStatus[]> {
    clauses ??= await this.versions.numbered(document.id);
    const translations =
      document.languages.length > 1 ? await this.translations.ofDocuments([document.id]) : [];
    return translationStatus(
      document,
      clauses.map(({ clause, number }) => ({ ...clause, number })),
      translations,
    );
  }
}
