import { Injectable } from '@nestjs/common';
import { Actor, DocumentStatus, DomainException } from '@accord/common';
import { DocumentsReader, SLUG_PATTERN, StatementsReader } from '@accord/drafting';
import { SignatoriesService } from '@accord/signatures';
import type { TextDocument } from './text-document';
import { placeStatements } from './text-statements';
import {
  clauseTexts,
  documentLanguages,
  documentTitles,
  parseLanguageParam,
  requestedLanguages,
} from './text-languages';

/** Longest slug a document may have (documents.slug is varchar(120)). */
const MAX_SLUG_LENGTH = 120;
const SIGNING_STATUSES = [DocumentStatus.OPEN_FOR_SIGNATURE, DocumentStatus.CLOSED];

/**
 * Builds the text of a document as it is handed out: the latest version of a draft, the
 * adopted version once adopted (with the signatories once open for signature), in the
 * languages asked for. Who may read it is the rule of the GraphQL `document` query: a document
 * the caller may not see is answered NOT_FOUND, as an absent one.
 */
@Injectable()
export class TextDocumentsService {
  constructor(
    private readonly documents: DocumentsReader,
    private readonly signatories: SignatoriesService,
    private readonly statements: StatementsReader,
  ) {}

  async load(actor: Actor | null, slug: string, language: unknown): Promise<TextDocument> {
    if (slug.length > MAX_SLUG_LENGTH || !SLUG_PATTERN.test(slug)) {
      throw DomainException.badInput(
        'slug',
        'slug must be a document slug (lowercase words joined by hyphens)',
      );
    }
    // Its form first (says nothing about the document), whether it is declared after access.
    const asked = parseLanguageParam(language);
    const document = await this.documents.getBySlug(slug);
    if (!document || !this.documents.canRead(actor, document)) {
      throw DomainException.notFound('Document', 'slug');
    }
    const languages = requestedLanguages(asked, documentLanguages(document));
    const adopted = document.adoptedVersion !== null;
    const number = adopted ? document.adoptedVersion! : document.currentVersion;
    const [version, signatories, statements] = await Promise.all([
      number ? this.documents.getVersion(document.id, number) : null,
      SIGNING_STATUSES.includes(document.status)
        ? this.signatories.signatories(document.id, false)
        : null,
      // Statements are made on the adopted text only.
      adopted ? this.statements.standing(document.id) : [],
    ]);
    const placed = placeStatements(statements);
    return {
      slug: document.slug,
      titles: documentTitles(document, languages, version),
      languages,
      status: document.status,
      adopted,
      versionNumber: version?.number ?? 0,
      date: adopted ? document.adoptedAt : (version?.createdAt ?? null),
      adoptedHash: document.adoptedHash,
      clauses: (version?.clauses ?? []).map((clause) => ({
        id: clause.id,
        kind: clause.kind,
        number: clause.number,
        texts: clauseTexts(clause, languages, documentLanguages(document)[0]),
        ...(placed.byClause.has(clause.id) && { statements: placed.byClause.get(clause.id) }),
      })),
      ...(placed.general.length && { statements: placed.general }),
      signatories:
        signatories?.map((s) => ({
          participant: s.participant,
          signedAt: s.signedAt,
          place: s.meeting,
          statement: s.statement,
        })) ?? null,
    };
  }
}
