import {
  Actor,
  ClauseKind,
  DocumentKind,
  DocumentStatus,
  ErrorCode,
  ParticipantKind,
  PlatformRole,
  TransactionHost,
  TypeOrmAdapter,
} from '@accord/common';
import { AuditService } from '@accord/audit';
import { strictMock } from '../../../../tests/support/strict-mock';
import { ClauseEntity } from './clause.entity';
import { ClausesRepository } from './clauses.repository';
import { ClausesService } from './clauses.service';
import { DocumentEvents } from '../shared/document-events';
import { DocumentEntity } from '../documents/document.entity';
import { DraftLocks } from '../shared/draft-locks.service';
import { TextVersionsService } from '../versions/text-versions.service';

const secretariat: Actor = {
  id: 'sec',
  email: 'sec@test.example',
  displayName: 'Secretariat',
  platformRole: PlatformRole.SECRETARIAT,
  membership: null,
};

const document = (overrides: Partial<DocumentEntity> = {}): DocumentEntity =>
  Object.assign(new DocumentEntity(), {
    id: 'doc',
    slug: 'doc',
    title: 'Doc',
    kind: DocumentKind.STATEMENT,
    status: DocumentStatus.DRAFT,
    eligibleKinds: [ParticipantKind.STATE],
    currentVersion: 1,
    ...overrides,
  });
const clause = (overrides: Partial<ClauseEntity> = {}): ClauseEntity =>
  Object.assign(new ClauseEntity(), {
    id: 'c1',
    documentId: 'doc',
    position: 1,
    kind: ClauseKind.OPERATIVE,
    text: 'States will act.',
    version: 3,
    deletedAt: null,
    ...overrides,
  });

function setup(
  clauses: Partial<Record<keyof ClausesRepository, jest.Mock>> = {},
  status = DocumentStatus.DRAFT,
) {
  const order: string[] = [];
  const locks = strictMock<DraftLocks>({
    clause: jest.fn().mockResolvedValue({ document: document({ status }), clause: clause() }),
  });
  const repository = strictMock<ClausesRepository>(clauses);
  const versions = strictMock<TextVersionsService>({
    record: jest.fn().mockImplementation(async () => ({
      document: document({ currentVersion: 2 }),
      version: { number: 2 },
      clauses: [{ clause: clause({ version: 4 }), number: '1' }],
    })),
  });
  const audit = strictMock<AuditService>({
    record: jest.fn().mockImplementation(async () => void order.push('audit')),
  });
  const events = strictMock<DocumentEvents>({
    changed: jest.fn().mockImplementation(async () => void order.push('published')),
  });
  const txHost = strictMock<TransactionHost<TypeOrmAdapter>>({
    withTransaction: jest.fn(async (fn: () => unknown) => {
      const result = await fn();
      order.push('committed');
      return result;
    }),
  });
  const service = new ClausesService(locks, repository, versions, audit, events, txHost);
  return { service, repository, versions, audit, events, order };
}

describe(ClausesService.name, () => {
  it('refuses an edit made on a stale version with CONFLICT carrying the current version and text, writing nothing', async () => {
    const { service, events } = setup();
    const error = await service
      .update(secretariat, { clauseId: 'c1', text: 'States shall act.', expectedVersion: 2 })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: ErrorCode.CONFLICT,
      extensions: { currentVersion: 3, currentText: 'States will act.', clauseId: 'c1' },
    });
    // The strict mocks would have thrown on any write, version or audit; nothing is published.
    expect(events.changed).not.toHaveBeenCalled();
  });

  it('changes the text, records a version and an audit event in the transaction, and publishes after it', async () => {
    const updateText = jest
      .fn()
      .mockResolvedValue(clause({ text: 'States shall act.', version: 4 }));
    const { service, versions, order } = setup({ updateText });
    const result = await service.update(secretariat, {
      clauseId: 'c1',
      text: '  States shall act. ',
      expectedVersion: 3,
    });
    expect(updateText).toHaveBeenCalledWith('c1', 'States shall act.');
    expect(versions.record).toHaveBeenCalledTimes(1);
    expect(result).toMatchObject({ number: '1', clause: { version: 4 } });
    expect(order).toEqual(['audit', 'committed', 'published']);
  });

  it('refuses a direct edit in NEGOTIATION with INVALID_STATE', async () => {
    const { service } = setup({}, DocumentStatus.NEGOTIATION);
    await expect(
      service.update(secretariat, { clauseId: 'c1', text: 'x', expectedVersion: 3 }),
    ).rejects.toMatchObject({ code: ErrorCode.INVALID_STATE });
  });

  it('refuses empty text before touching anything', async () => {
    const { service } = setup();
    await expect(
      service.add(secretariat, { documentId: 'doc', kind: ClauseKind.OPERATIVE, text: ' \n ' }),
    ).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT, extensions: { field: 'text' } });
  });
});
