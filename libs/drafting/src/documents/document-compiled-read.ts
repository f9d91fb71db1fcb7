import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  Actor,
  CompiledJson,
  CompiledReads,
  DocumentStatus,
  CompiledRootRequest,
  isoTimestamp,
  NOT_COMPILED,
  TEXT_LIMITS,
} from '@accord/common';
import type { DocumentRef } from '@accord/policy';
import { DocumentsService } from './documents.service';
import { SLUG_PATTERN } from './document-slug';

/** The fact Clause.amendments and Clause.comments need: `document.readHistory` for the caller. */
export const READ_HISTORY = 'document.readHistory';

const column = (name: string) => ({ column: (row: string) => `${row}."${name}"` });
const timestamp = (name: string) => ({ column: (row: string) => isoTimestamp(`${row}."${name}"`) });
/** Rows of the documents being read: what each of their lists aggregates. */
const ofDocument = (row: string, roots: string) => `${row}."documentId" IN ${roots}`;

/**
 * `document(slug:)` as one statement (see CompiledReads): the document checked by the policy as
 * DocumentsService.find checks it (null when absent or not visible), the negotiation record
 * shown only when the policy grants `document.readHistory` (the resolvers' empty lists
 * otherwise). The fields declared are those whose resolvers return a column as is.
 */
@Injectable()
export class DocumentCompiledRead implements OnModuleInit {
  constructor(
    private readonly reads: CompiledReads,
    private readonly documents: DocumentsService,
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
        table: 'clauses',
        parentKey: 'documentId',
        scope: { Document: ofDocument },
        where: (clause) => `${clause}."deletedAt" IS NULL`,
        orderBy: (clause) => `${clause}.position`,
      },
    });
    this.reads.declareFields('Clause', {
      id: column('id'),
      position: column('position'),
      kind: column('kind'),
      text: column('text'),
      version: column('version'),
      // As AmendmentsByClauseLoader and CommentsByClauseLoader read them.
      amendments: {
        fact: READ_HISTORY,
        hidden: 'EMPTY_LIST',
        type: 'Amendment',
        list: true,
        table: 'amendments',
        parentKey: 'clauseId',
        scope: { Document: ofDocument },
        orderBy: (amendment) => `${amendment}."createdAt", ${amendment}.id`,
      },
      comments: {
        fact: READ_HISTORY,
        hidden: 'EMPTY_LIST',
        type: 'Comment',
        list: true,
        table: 'comments',
        parentKey: 'clauseId',
        scope: { Document: ofDocument },
        where: (comment) => `${comment}."parentId" IS NULL`,
        orderBy: (comment) => `${comment}."createdAt", ${comment}.id`,
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
        table: 'participants',
        on: (amendment, participant) => `${participant}.id = ${amendment}."proposerId"`,
      },
      // In the order they joined, as CosponsorsByAmendmentLoader reads them.
      cosponsors: {
        type: 'Participant',
        list: true,
        table: 'amendment_cosponsors',
        parentKey: 'amendmentId',
        scope: {
          Document: (link, roots) =>
            `${link}."amendmentId" IN (SELECT a.id FROM amendments a WHERE a."documentId" IN ${roots})`,
        },
        orderBy: (link) => `${link}."createdAt"`,
        through: {
          table: 'participants',
          on: (link, participant) => `${participant}.id = ${link}."participantId"`,
        },
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
        table: 'users',
        on: (comment, user) => `${user}.id = ${comment}."authorId"`,
      },
    });
    this.reads.declareRoot('document', (request) => this.answer(request));
  }

  private async answer({
    args,
    selection,
    caller,
    compile,
    run,
    runRow,
  }: CompiledRootRequest): Promise<unknown> {
    const { id, slug } = args;
    // Only the plain case; an id, or a slug the resolver would refuse, goes the usual way.
    if (!selection || id != null || typeof slug !== 'string') return NOT_COMPILED;
    if (slug.length > TEXT_LIMITS.slug || !SLUG_PATTERN.test(slug)) return NOT_COMPILED;
    // A selection that cannot compile is known before anything is read.
    const exact = { table: 'documents', where: 'r0.id = $1' };
    if (compile('Document', selection, exact, { [READ_HISTORY]: true }) === null)
      return NOT_COMPILED;
    const actor = await caller();
    if (actor === undefined) return NOT_COMPILED;

    // One statement: the document's reference, and its answer built only if its status is one
    // the policy lets this caller read whatever the document's eligible kinds, with the
    // negotiation record shown or not as `guess` says. The reference is then checked as
    // DocumentsService.find checks it; the answer is used only if the real facts are the ones
    // guessed, else the exact statement runs.
    const { statuses, readHistory: guess } = this.readableWhateverTheKinds(actor);
    const row = await runRow(
      compile(
        'Document',
        selection,
        {
          table: 'documents',
          where: 'r0.slug = $1',
          roots: '(SELECT d.id FROM documents d WHERE d.slug = $1 AND d.status::text = ANY($2))',
          columns: ['r0.id', 'r0.status', 'r0."eligibleKinds"::text[] AS "eligibleKinds"'],
          when: 'r0.status::text = ANY($2)',
        },
        { [READ_HISTORY]: guess },
      )!,
      [slug, statuses],
    );
    if (!row) return null;
    const document = row as unknown as DocumentRef & { id: string; answer: string | null };
    if (!this.documents.canRead(actor, document)) return null;
    const facts = { [READ_HISTORY]: this.documents.canReadHistory(actor, document) };
    if (document.answer !== null && facts[READ_HISTORY] === guess)
      return new CompiledJson(document.answer);
    return run(compile('Document', selection, exact, facts)!, [document.id]);
  }

  /**
   * The statuses in which the policy lets this caller read a document that names no eligible
   * kind (so whatever it names), grouped by whether it shows the negotiation record: the
   * larger group. An anonymous caller reads published texts without their record; the
   * secretariat reads every text with it.
   */
  private readableWhateverTheKinds(actor: Actor | null): {
    statuses: DocumentStatus[];
    readHistory: boolean;
  } {
    const groups = new Map<boolean, DocumentStatus[]>([
      [true, []],
      [false, []],
    ]);
    for (const status of Object.values(DocumentStatus)) {
      const ref = { status, eligibleKinds: [] };
      if (this.documents.canRead(actor, ref))
        groups.get(this.documents.canReadHistory(actor, ref))!.push(status);
    }
    const readHistory = groups.get(true)!.length >= groups.get(false)!.length;
    return { statuses: groups.get(readHistory)!, readHistory };
  }
}
