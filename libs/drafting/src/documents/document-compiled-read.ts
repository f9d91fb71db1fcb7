import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  CompiledReads,
  CompiledRootRequest,
  isoTimestamp,
  NOT_COMPILED,
  TEXT_LIMITS,
  TransactionHost,
  TypeOrmAdapter,
} from '@accord/common';
import { DocumentsService } from './documents.service';
import { SLUG_PATTERN } from './document-slug';

/** The fact Clause.amendments and Clause.comments need: `document.readHistory` for the caller. */
export const READ_HISTORY = 'document.readHistory';

const column = (name: string) => ({ column: (row: string) => `${row}."${name}"` });
const timestamp = (name: string) => ({ column: (row: string) => isoTimestamp(`${row}."${name}"`) });

/**
 * `document(slug:)` as one statement (see CompiledReads): the document found and checked by
 * DocumentsService.find exactly as the resolver does (null when absent or not visible), the
 * negotiation record shown only when the policy grants `document.readHistory` (the resolvers'
 * empty lists otherwise). The fields declared are those whose resolvers return a column as is.
 */
@Injectable()
export class DocumentCompiledRead implements OnModuleInit {
  constructor(
    private readonly reads: CompiledReads,
    private readonly documents: DocumentsService,
    private readonly txHost: TransactionHost<TypeOrmAdapter>,
  ) {}

  onModuleInit(): void {
    this.reads.declareFields('Document', {
      id: column('id'),
      slug: column('slug'),
      title: column('title'),
      kind: column('kind'),
      status: column('status'),
      version: column('currentVersion'),
      adoptedAt: timestamp('adoptedAt'),
      adoptedHash: column('adoptedHash'),
      adoptedVersion: column('adoptedVersion'),
      reservationsAllowed: column('reservationsAllowed'),
      clauses: {
        type: 'Clause',
        list: true,
        from: (document, clause) => ({
          table: 'clauses',
          where: `${clause}."documentId" = ${document}.id AND ${clause}."deletedAt" IS NULL`,
          orderBy: `${clause}.position`,
        }),
      },
    });
    this.reads.declareFields('Clause', {
      id: column('id'),
      position: column('position'),
      kind: column('kind'),
      text: column('text'),
      version: column('version'),
      amendments: {
        fact: READ_HISTORY,
        hidden: 'EMPTY_LIST',
        type: 'Amendment',
        list: true,
        from: (clause, amendment) => ({
          table: 'amendments',
          where: `${amendment}."clauseId" = ${clause}.id`,
          orderBy: `${amendment}."createdAt", ${amendment}.id`,
        }),
      },
      comments: {
        fact: READ_HISTORY,
        hidden: 'EMPTY_LIST',
        type: 'Comment',
        list: true,
        from: (clause, comment) => ({
          table: 'comments',
          where: `${comment}."clauseId" = ${clause}.id AND ${comment}."parentId" IS NULL`,
          orderBy: `${comment}."createdAt", ${comment}.id`,
        }),
      },
    });
    this.reads.declareFields('Amendment', {
      id: column('id'),
      kind: column('kind'),
      text: column('text'),
      clauseKind: column('clauseKind'),
      rationale: column('rationale'),
      status: column('status'),
      baseClauseVersion: column('baseClauseVersion'),
      createdAt: timestamp('createdAt'),
      decidedAt: timestamp('decidedAt'),
      decisionNote: column('decisionNote'),
      proposer: {
        type: 'Participant',
        list: false,
        from: (amendment, participant) => ({
          table: 'participants',
          where: `${participant}.id = ${amendment}."proposerId"`,
        }),
      },
      cosponsors: {
        type: 'Participant',
        list: true,
        // In the order they joined, as CosponsorsByAmendmentLoader reads them.
        from: (amendment, participant) => ({
          table: `(SELECT p.*, k."createdAt" AS "cosponsoredAt" FROM amendment_cosponsors k
                   JOIN participants p ON p.id = k."participantId"
                   WHERE k."amendmentId" = ${amendment}.id)`,
          where: 'true',
          orderBy: `${participant}."cosponsoredAt"`,
        }),
      },
    });
    this.reads.declareFields('Comment', {
      id: column('id'),
      body: column('body'),
      resolved: column('resolved'),
      createdAt: timestamp('createdAt'),
      author: {
        type: 'User',
        list: false,
        from: (comment, user) => ({ table: 'users', where: `${user}.id = ${comment}."authorId"` }),
      },
    });
    this.reads.declareRoot('document', (request) => this.answer(request));
  }

  private async answer({
    args,
    selection,
    caller,
    compile,
  }: CompiledRootRequest): Promise<unknown> {
    const { id, slug } = args;
    // Only the plain case; an id, or a slug the resolver would refuse, goes the usual way.
    if (!selection || id != null || typeof slug !== 'string') return NOT_COMPILED;
    if (slug.length > TEXT_LIMITS.slug || !SLUG_PATTERN.test(slug)) return NOT_COMPILED;
    // A selection that cannot compile is known before anything is read.
    if (compile('Document', selection, 'd', { [READ_HISTORY]: true }) === null) return NOT_COMPILED;
    const actor = await caller();
    if (actor === undefined) return NOT_COMPILED;
    const document = await this.documents.find(actor, { slug });
    if (!document) return null;
    const facts = { [READ_HISTORY]: this.documents.canReadHistory(actor, document) };
    const json = compile('Document', selection, 'd', facts);
    if (json === null) return NOT_COMPILED;
    const rows: { answer: unknown }[] = await this.txHost.tx.query(
      `/* compiled read: document */ SELECT ${json} AS answer FROM documents d WHERE d.id = $1`,
      [document.id],
    );
    return rows[0]?.answer ?? null;
  }
}
