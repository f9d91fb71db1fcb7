import { ClauseKind, DocumentKind, DocumentStatus, ParticipantKind } from '@accord/common';
import {
  canonicalText,
  ClauseEntity,
  clauseNumbers,
  DocumentEntity,
  DocumentVersionEntity,
  sha256Hex,
} from '@accord/drafting';
import { randomBytes } from 'node:crypto';
import { TestApp } from './test-app';

const ADOPTED_STATUSES = [
  DocumentStatus.ADOPTED,
  DocumentStatus.OPEN_FOR_SIGNATURE,
  DocumentStatus.CLOSED,
];

const DEFAULT_CLAUSES = [
  { kind: ClauseKind.HEADING, text: 'Preamble' },
  { kind: ClauseKind.PREAMBULAR, text: 'Recognising the need for responsible behaviour,' },
  { kind: ClauseKind.OPERATIVE, text: 'Participants shall act responsibly.' },
];

export interface TestDocument {
  id: string;
  slug: string;
  title: string;
  status: DocumentStatus;
  eligibleKinds: ParticipantKind[];
  /** The canonical text of version 1 (the adopted text for adopted statuses). */
  text: string;
  hash: string;
  adoptedHash: string | null;
  adoptedAt: Date | null;
}

/**
 * Test data: a document already in `status`, written as the drafting service writes it — the
 * document, its live clauses, version 1 (canonical text and SHA-256) and, from ADOPTED on,
 * adoptedVersion / adoptedHash / adoptedAt frozen on that version.
 */
export async function createDocumentInStatus(
  t: TestApp,
  options: {
    status: DocumentStatus;
    eligibleKinds: ParticipantKind[];
    clauses?: { kind: ClauseKind; text: string }[];
    title?: string;
    slug?: string;
    kind?: DocumentKind;
    /** Defaults to a day ago for adopted statuses. */
    adoptedAt?: Date;
  },
): Promise<TestDocument> {
  const suffix = randomBytes(4).toString('hex');
  const title = options.title ?? `Test document ${suffix}`;
  const slug = options.slug ?? `test-document-${suffix}`;
  const clauses = options.clauses ?? DEFAULT_CLAUSES;
  const adopted = ADOPTED_STATUSES.includes(options.status);
  if (adopted && !clauses.length)
    throw new Error('createDocumentInStatus: adopted text needs clauses');
  const adoptedAt = adopted ? (options.adoptedAt ?? new Date(Date.now() - 86_400_000)) : null;
  return t.dataSource.transaction(async (manager) => {
    const document = await manager.getRepository(DocumentEntity).save({
      title,
      slug,
      kind: options.kind ?? DocumentKind.DECLARATION,
      status: options.status,
      eligibleKinds: options.eligibleKinds,
      currentVersion: clauses.length ? 1 : 0,
    });
    const saved = await manager
      .getRepository(ClauseEntity)
      .save(clauses.map((c, i) => ({ documentId: document.id, position: i + 1, ...c })));
    const numbers = clauseNumbers(saved);
    const snapshot = saved.map((c, i) => ({
      id: c.id,
      kind: c.kind,
      number: numbers[i],
      text: c.text,
    }));
    const text = canonicalText(title, snapshot);
    const hash = sha256Hex(text);
    if (clauses.length) {
      await manager.getRepository(DocumentVersionEntity).save({
        documentId: document.id,
        number: 1,
        createdById: null,
        reason: 'Test data',
        hash,
        text,
        clauses: snapshot,
      });
    }
    const adoptedHash = adopted ? hash : null;
    if (adopted) {
      await manager
        .getRepository(DocumentEntity)
        .update(document.id, { adoptedVersion: 1, adoptedHash, adoptedAt });
    }
    return {
      id: document.id,
      slug,
      title,
      status: options.status,
      eligibleKinds: options.eligibleKinds,
      text,
      hash,
      adoptedHash,
      adoptedAt,
    };
  });
}
