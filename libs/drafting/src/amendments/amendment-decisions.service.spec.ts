import {
  Actor,
  AmendmentKind,
  AmendmentStatus,
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
import { AmendmentDecisionsService } from './amendment-decisions.service';
import { AmendmentEntity } from './amendment.entity';
import { AmendmentsRepository } from './amendments.repository';
import { ClauseEntity } from '../clauses/clause.entity';
import { ClausesRepository } from '../clauses/clauses.repository';
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
const document = Object.assign(new DocumentEntity(), {
  id: 'doc',
  title: 'Doc',
  kind: DocumentKind.STATEMENT,
  status: DocumentStatus.NEGOTIATION,
  eligibleKinds: [ParticipantKind.STATE],
  currentVersion: 4,
});
const amendment = (overrides: Partial<AmendmentEntity> = {}): AmendmentEntity =>
  Object.assign(new AmendmentEntity(), {
    id: 'a1',
    documentId: 'doc',
    clauseId: 'c1',
    kind: AmendmentKind.REPLACE,
    text: 'States shall act.',
    status: AmendmentStatus.PROPOSED,
    proposerId: 'uk',
    baseClauseVersion: 1,
    ...overrides,
  });
const clause = (overrides: Partial<ClauseEntity> = {}): ClauseEntity =>
  Object.assign(new ClauseEntity(), {
    id: 'c1',
    documentId: 'doc',
    position: 2,
    kind: ClauseKind.OPERATIVE,
    text: 'States will act.',
    version: 1,
    deletedAt: null,
    ...overrides,
  });

function setup(
  current: ClauseEntity,
  clauses: Partial<Record<keyof ClausesRepository, jest.Mock>> = {},
  amendments: Partial<Record<keyof AmendmentsRepository, jest.Mock>> = {},
) {
  const locks = strictMock<DraftLocks>({
    amendment: jest.fn().mockResolvedValue({ document, amendment: amendment() }),
  });
  const clauseRepository = strictMock<ClausesRepository>({
    getById: jest.fn().mockResolvedValue(current),
    ...clauses,
  });
  const amendmentRepository = strictMock<AmendmentsRepository>(amendments);
  const versions = strictMock<TextVersionsService>({
    record: jest.fn().mockResolvedValue({ document, version: { number: 5 }, clauses: [] }),
  });
  const audit = strictMock<AuditService>({ record: jest.fn().mockResolvedValue(undefined) });
  const events = strictMock<DocumentEvents>({ changed: jest.fn().mockResolvedValue(undefined) });
  const txHost = strictMock<TransactionHost<TypeOrmAdapter>>({
    withTransaction: jest.fn((fn: () => unknown) => fn()),
  });
  const service = new AmendmentDecisionsService(
    locks,
    amendmentRepository,
    clauseRepository,
    versions,
    audit,
    events,
    txHost,
  );
  return { service, versions, audit, events };
}

describe(AmendmentDecisionsService.name, () => {
  it('refuses to accept an amendment whose clause changed since it was proposed, applying nothing', async () => {
    const { service, events } = setup(clause({ version: 2, text: 'States may act.' }));
    await expect(service.accept(secretariat, 'a1', null)).rejects.toMatchObject({
      code: ErrorCode.CONFLICT,
      extensions: { baseClauseVersion: 1, currentVersion: 2, currentText: 'States may act.' },
    });
    expect(events.changed).not.toHaveBeenCalled();
  });

  it('refuses to accept an amendment whose clause was removed', async () => {
    const { service } = setup(clause({ version: 2, deletedAt: new Date() }));
    await expect(service.accept(secretariat, 'a1', null)).rejects.toMatchObject({
      code: ErrorCode.CONFLICT,
      extensions: { currentText: null },
    });
  });

  it('applies a REPLACE, records the version and the decision, then publishes', async () => {
    const updateText = jest.fn().mockResolvedValue(clause({ version: 2 }));
    const update = jest
      .fn()
      .mockResolvedValue(amendment({ status: AmendmentStatus.ACCEPTED, decisionNote: 'Agreed.' }));
    const { service, versions, audit, events } = setup(clause(), { updateText }, { update });
    const result = await service.accept(secretariat, 'a1', ' Agreed. ');
    expect(updateText).toHaveBeenCalledWith('c1', 'States shall act.');
    expect(versions.record).toHaveBeenCalledTimes(1);
    expect(update).toHaveBeenCalledWith(
      'a1',
      expect.objectContaining({ status: AmendmentStatus.ACCEPTED, decisionNote: 'Agreed.' }),
    );
    expect(audit.record).toHaveBeenCalledWith(
      secretariat,
      expect.objectContaining({ action: 'amendment.accepted', entityId: 'a1' }),
    );
    expect(events.changed).toHaveBeenCalledWith('doc');
    expect(result.status).toBe(AmendmentStatus.ACCEPTED);
  });
});
