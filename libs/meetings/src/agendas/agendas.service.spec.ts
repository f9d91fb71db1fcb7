import {
  Actor,
  AgendaItemKind,
  ErrorCode,
  MeetingStatus,
  Notifier,
  PlatformRole,
  TransactionHost,
  TypeOrmAdapter,
} from '@accord/common';
import { AuditService } from '@accord/audit';
import { DocumentsReader } from '@accord/drafting';
import { strictMock } from '../../../../tests/support/strict-mock';
import { AgendaEntity } from './agenda.entity';
import { AgendaStateService } from './agenda-state.service';
import { AgendasRepository } from './agendas.repository';
import { AgendasService } from './agendas.service';
import { InvitationsRepository } from '../invitations/invitations.repository';
import { MeetingEntity } from '../meetings/meeting.entity';
import { MeetingsRepository } from '../meetings/meetings.repository';
import { ParticipantDirectory } from '../meetings/participant-directory';

const MEETING_ID = '0b7e2a9c-5d1f-4e3a-8c6b-2f4d6e8a0c1e';
const secretariat: Actor = {
  id: 'sec',
  email: 'sec@test.example',
  displayName: 'Secretariat',
  platformRole: PlatformRole.SECRETARIAT,
  membership: null,
};

const meeting = (overrides: Partial<MeetingEntity> = {}): MeetingEntity =>
  Object.assign(new MeetingEntity(), {
    id: MEETING_ID,
    title: 'Plenary',
    city: 'London',
    venue: null,
    timezone: 'Europe/London',
    startsAt: new Date('2026-07-01T08:00:00Z'),
    endsAt: new Date('2026-07-01T16:00:00Z'),
    status: MeetingStatus.PLANNED,
    previousMeetingId: null,
    ...overrides,
  });

const agenda = (overrides: Partial<AgendaEntity> = {}): AgendaEntity =>
  Object.assign(new AgendaEntity(), {
    meetingId: MEETING_ID,
    version: 2,
    items: [],
    warnings: [],
    createdById: 'sec',
    reason: 'generated',
    createdAt: new Date('2026-06-01T10:00:00Z'),
    publishedAt: null,
    publishActionItems: false,
    ...overrides,
  });

function setup(mocks: {
  meetings?: Partial<Record<keyof MeetingsRepository, jest.Mock>>;
  agendas?: Partial<Record<keyof AgendasRepository, jest.Mock>>;
  state?: Partial<Record<keyof AgendaStateService, jest.Mock>>;
  documents?: Partial<Record<keyof DocumentsReader, jest.Mock>>;
  invitations?: Partial<Record<keyof InvitationsRepository, jest.Mock>>;
}) {
  const meetings = strictMock<MeetingsRepository>(mocks.meetings);
  const agendas = strictMock<AgendasRepository>(mocks.agendas);
  const audit = strictMock<AuditService>({ record: jest.fn().mockResolvedValue(undefined) });
  const txHost = strictMock<TransactionHost<TypeOrmAdapter>>({
    withTransaction: jest.fn((fn: () => unknown) => fn()),
  });
  const service = new AgendasService(
    meetings,
    agendas,
    strictMock<InvitationsRepository>(mocks.invitations),
    strictMock<AgendaStateService>(mocks.state),
    strictMock<DocumentsReader>(mocks.documents),
    strictMock<ParticipantDirectory>(),
    audit,
    txHost,
    { agendaPublished: async () => undefined } as unknown as Notifier,
  );
  return { service, agendas, audit };
}

const emptyState = {
  hosts: [],
  invited: [],
  actionItems: [],
  negotiation: [],
  openWork: [],
  openForSignature: [],
  signatories: new Map(),
  nextMeeting: null,
};

describe(AgendasService.name, () => {
  it('saves a generated agenda as the next version, warns that nobody is invited, and audits it', async () => {
    const insert = jest.fn(async (fields) => agenda({ ...fields }));
    const { service, audit } = setup({
      meetings: { lockById: jest.fn().mockResolvedValue(meeting()) },
      agendas: {
        latestOf: jest.fn().mockResolvedValue(agenda({ version: 2 })),
        publishedItems: jest.fn().mockResolvedValue(new Map()),
        insert,
      },
      state: { read: jest.fn().mockResolvedValue(emptyState) },
    });
    const saved = await service.generate(secretariat, MEETING_ID);
    expect(saved.version).toBe(3);
    expect(saved.items.map((i) => i.kind)).toEqual([
      AgendaItemKind.OPENING,
      AgendaItemKind.ADOPTION_OF_AGENDA,
      AgendaItemKind.AOB,
      AgendaItemKind.NEXT_MEETING,
      AgendaItemKind.CLOSING,
    ]);
    expect(saved.warnings).toEqual([expect.stringMatching(/^No participant is invited/)]);
    expect(insert).toHaveBeenCalledWith(
      expect.objectContaining({ createdById: 'sec', reason: 'generated' }),
    );
    expect(audit.record).toHaveBeenCalledWith(
      secretariat,
      expect.objectContaining({ action: 'agenda.generated', entityId: MEETING_ID }),
    );
  });

  it('refuses to generate for a concluded meeting before reading anything else', async () => {
    const { service } = setup({
      meetings: {
        lockById: jest.fn().mockResolvedValue(meeting({ status: MeetingStatus.CONCLUDED })),
      },
    });
    await expect(service.generate(secretariat, MEETING_ID)).rejects.toMatchObject({
      code: ErrorCode.INVALID_STATE,
    });
  });

  it('publishes the latest version once; publishing it again records nothing', async () => {
    const publish = jest.fn().mockResolvedValue(undefined);
    const latest = agenda();
    const { service, audit } = setup({
      meetings: { lockById: jest.fn().mockResolvedValue(meeting()) },
      agendas: { latestOf: jest.fn().mockResolvedValue(latest), publish },
    });
    const published = await service.publish(secretariat, MEETING_ID);
    expect(published.publishedAt).toBeInstanceOf(Date);
    expect(publish).toHaveBeenCalledWith(MEETING_ID, 2, published.publishedAt, false);
    await service.publish(secretariat, MEETING_ID);
    expect(publish).toHaveBeenCalledTimes(1);
    expect(audit.record).toHaveBeenCalledTimes(1);
  });

  it('publishing again with the other choice for action items changes only that', async () => {
    const publish = jest.fn().mockResolvedValue(undefined);
    const { service, audit } = setup({
      meetings: { lockById: jest.fn().mockResolvedValue(meeting()) },
      agendas: { latestOf: jest.fn().mockResolvedValue(agenda()), publish },
    });
    const first = await service.publish(secretariat, MEETING_ID);
    const at = first.publishedAt;
    const second = await service.publish(secretariat, MEETING_ID, true);
    expect(second.publishedAt).toBe(at);
    expect(publish).toHaveBeenLastCalledWith(MEETING_ID, 2, at, true);
    expect(audit.record).toHaveBeenLastCalledWith(
      secretariat,
      expect.objectContaining({ details: { version: 2, publishActionItems: true } }),
    );
  });

  it('gives the public the latest published version and the secretariat the latest one', async () => {
    const latestOf = jest.fn().mockResolvedValue(agenda());
    const { service } = setup({
      meetings: { getById: jest.fn().mockResolvedValue(meeting()) },
      agendas: { latestOf },
      documents: { getByIds: jest.fn().mockResolvedValue([]) },
      invitations: { of: jest.fn().mockResolvedValue([]) },
    });
    await service.readable(null, MEETING_ID);
    await service.readable(secretariat, MEETING_ID);
    expect(latestOf.mock.calls).toEqual([
      [MEETING_ID, true],
      [MEETING_ID, false],
    ]);
  });

  it('answers NOT_FOUND for a malformed id without querying, and before publication', async () => {
    const { service } = setup({
      meetings: { getById: jest.fn().mockResolvedValue(meeting()) },
      agendas: { latestOf: jest.fn().mockResolvedValue(null) },
    });
    await expect(service.readable(null, 'agenda')).rejects.toMatchObject({
      code: ErrorCode.NOT_FOUND,
    });
    await expect(service.readable(null, MEETING_ID)).rejects.toMatchObject({
      code: ErrorCode.NOT_FOUND,
    });
  });

  it('refuses anyone but the secretariat before touching data', async () => {
    const { service } = setup({});
    await expect(service.generate(null, MEETING_ID)).rejects.toMatchObject({
      code: ErrorCode.UNAUTHENTICATED,
    });
  });
});
