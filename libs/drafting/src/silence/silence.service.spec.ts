import {
  Actor,
  DelegationRole,
  DocumentKind,
  DocumentStatus,
  ErrorCode,
  Notifier,
  ParticipantKind,
  PlatformRole,
  TransactionHost,
  TypeOrmAdapter,
} from '@accord/common';
import { AuditService } from '@accord/audit';
import { ParticipantByIdLoader } from '@accord/participants';
import { strictMock } from '../../../../tests/support/strict-mock';
import { DocumentEntity } from '../documents/document.entity';
import { AdoptionReadiness } from '../lifecycle/adoption-readiness.service';
import { DocumentEvents } from '../shared/document-events';
import { DraftLocks } from '../shared/draft-locks.service';
import { SilenceProcedureEntity } from './silence-procedure.entity';
import { SilenceSchedule } from './silence-schedule';
import { SilenceStatus } from './silence-status';
import { SilenceRepository } from './silence.repository';
import { SilenceService } from './silence.service';

const secretariat: Actor = {
  id: 'sec',
  email: 'sec@test.example',
  displayName: 'Secretariat',
  platformRole: PlatformRole.SECRETARIAT,
  membership: null,
};
const headFrance: Actor = {
  id: 'head-fr',
  email: 'head@test.example',
  displayName: 'Head',
  platformRole: PlatformRole.NONE,
  membership: {
    participantId: 'fr',
    participantKind: ParticipantKind.STATE,
    role: DelegationRole.HEAD_OF_DELEGATION,
  },
};

const document = Object.assign(new DocumentEntity(), {
  id: 'doc',
  slug: 'doc',
  title: 'Doc',
  kind: DocumentKind.STATEMENT,
  status: DocumentStatus.NEGOTIATION,
  eligibleKinds: [ParticipantKind.STATE],
  currentVersion: 2,
});
const NOW = new Date('2026-11-30T12:00:00Z');
const running: SilenceProcedureEntity = {
  id: 'p1',
  documentId: 'doc',
  status: SilenceStatus.RUNNING,
  startedAt: NOW,
  deadline: new Date('2026-12-07T16:00:00Z'),
  timezone: 'Europe/Paris',
  startedById: 'sec',
  concludedAt: null,
  cancelledById: null,
  cancelReason: null,
};

function setup(
  procedures: Partial<Record<keyof SilenceRepository, jest.Mock>>,
  reasons: string[] = [],
) {
  const locks = strictMock<DraftLocks>({ document: jest.fn().mockResolvedValue(document) });
  const repository = strictMock<SilenceRepository>(procedures);
  const readiness = strictMock<AdoptionReadiness>({
    check: jest.fn().mockResolvedValue({ blockers: {}, reasons }),
  });
  const schedule = strictMock<SilenceSchedule>({});
  const audit = strictMock<AuditService>({});
  const events = strictMock<DocumentEvents>({});
  const txHost = strictMock<TransactionHost<TypeOrmAdapter>>({
    withTransaction: jest.fn(async (fn: () => unknown) => fn()),
  });
  const service = new SilenceService(
    locks,
    repository,
    readiness,
    schedule,
    audit,
    events,
    txHost,
    strictMock<ParticipantByIdLoader>({}),
    strictMock<Notifier>({}),
  );
  return { service };
}

describe(SilenceService.name, () => {
  it('refuses to start on a text that could not be adopted now, writing and scheduling nothing', async () => {
    const { service } = setup({ runningOn: jest.fn().mockResolvedValue(null) }, [
      '1 bracketed passage is still open (clause 2)',
    ]);
    const error = await service
      .start(secretariat, 'doc', new Date('2026-12-07T16:00:00Z'), 'Europe/Paris')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: ErrorCode.INVALID_STATE });
    expect((error as Error).message).toContain('could be adopted now');
  });

  it('refuses a deadline the database’s clock has already reached, creating nothing', async () => {
    const { service } = setup({
      runningOn: jest.fn().mockResolvedValue(null),
      now: jest.fn().mockResolvedValue(new Date('2026-12-07T16:00:00Z')),
    });
    const error = await service
      .start(secretariat, 'doc', new Date('2026-12-07T16:00:00Z'), null)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
      extensions: { field: 'deadline' },
    });
  });

  it('refuses a break once the deadline has passed by the database’s clock, recording nothing', async () => {
    const { service } = setup({
      getById: jest.fn().mockResolvedValue(running),
      lockById: jest.fn().mockResolvedValue(running),
      isBefore: jest.fn().mockResolvedValue(false),
    });
    const error = await service.break(headFrance, 'p1', 'Too late.').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: ErrorCode.INVALID_STATE });
    expect((error as Error).message).toContain('7 December 2026, 17:00 Europe/Paris');
  });

  it('refuses a break of a procedure that ended', async () => {
    const ended = { ...running, status: SilenceStatus.CONCLUDED };
    const { service } = setup({
      getById: jest.fn().mockResolvedValue(ended),
      lockById: jest.fn().mockResolvedValue(ended),
    });
    const error = await service.break(headFrance, 'p1', 'No.').catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: ErrorCode.INVALID_STATE,
      extensions: { status: 'CONCLUDED' },
    });
  });
});
