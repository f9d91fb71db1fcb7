import {
  Actor,
  DelegationRole,
  ErrorCode,
  ParticipantKind,
  PlatformRole,
  TransactionHost,
  TypeOrmAdapter,
} from '@accord/common';
import { AuditService } from '@accord/audit';
import { UsersService } from '@accord/auth';
import { strictMock } from '../../../tests/support/strict-mock';
import { ParticipantEntity } from './participant.entity';
import { ParticipantsRepository } from './participants.repository';
import { ParticipantsService } from './participants.service';

const secretariat: Actor = {
  id: 'sec',
  email: 'sec@test.example',
  displayName: 'Secretariat',
  platformRole: PlatformRole.SECRETARIAT,
  membership: null,
};
const delegate: Actor = {
  id: 'del',
  email: 'del@test.example',
  displayName: 'Delegate',
  platformRole: PlatformRole.NONE,
  membership: {
    participantId: 'p1',
    participantKind: ParticipantKind.STATE,
    role: DelegationRole.DELEGATE,
  },
};

const participant = (overrides: Partial<ParticipantEntity> = {}): ParticipantEntity =>
  Object.assign(new ParticipantEntity(), {
    id: 'p9',
    kind: ParticipantKind.STATE,
    name: 'Ireland',
    shortName: null,
    countryCode: 'IE',
    createdAt: new Date(),
    ...overrides,
  });

function setup(repository: Partial<Record<keyof ParticipantsRepository, jest.Mock>> = {}) {
  const participants = strictMock<ParticipantsRepository>(repository);
  const audit = strictMock<AuditService>({ record: jest.fn().mockResolvedValue(undefined) });
  const txHost = strictMock<TransactionHost<TypeOrmAdapter>>({
    withTransaction: jest.fn((fn: () => unknown) => fn()),
  });
  const service = new ParticipantsService(participants, strictMock<UsersService>(), audit, txHost);
  return { service, participants, audit };
}

describe(ParticipantsService.name, () => {
  it('creates a state with its upper-cased country code and audits it in the same transaction', async () => {
    const created = participant();
    const { service, audit, participants } = setup({
      getByNameInsensitive: jest.fn().mockResolvedValue(null),
      getStateByCountryCode: jest.fn().mockResolvedValue(null),
      create: jest.fn().mockResolvedValue(created),
    });
    await expect(
      service.create(secretariat, {
        kind: ParticipantKind.STATE,
        name: ' Ireland ',
        countryCode: 'ie',
      }),
    ).resolves.toBe(created);
    expect(participants.create).toHaveBeenCalledWith({
      kind: ParticipantKind.STATE,
      name: 'Ireland',
      shortName: null,
      countryCode: 'IE',
    });
    expect(audit.record).toHaveBeenCalledWith(
      secretariat,
      expect.objectContaining({ action: 'participant.created', entityId: 'p9' }),
    );
  });

  it('refuses a delegate before touching the database', async () => {
    const { service } = setup();
    await expect(
      service.create(delegate, { kind: ParticipantKind.COMPANY, name: 'X' }),
    ).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
  });

  it('refuses a state without a valid country code, naming the field', async () => {
    const { service } = setup();
    await expect(
      service.create(secretariat, {
        kind: ParticipantKind.STATE,
        name: 'Atlantis',
        countryCode: 'AA',
      }),
    ).rejects.toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
      extensions: { field: 'countryCode' },
    });
  });

  it('refuses a name already taken in another case as a CONFLICT on name, writing nothing', async () => {
    const { service } = setup({ getByNameInsensitive: jest.fn().mockResolvedValue(participant()) });
    await expect(
      service.create(secretariat, { kind: ParticipantKind.ACADEMIA, name: 'IRELAND' }),
    ).rejects.toMatchObject({
      code: ErrorCode.CONFLICT,
      extensions: { field: 'name' },
    });
  });

  it('shows members only to staff and the participant’s own members', () => {
    const { service } = setup();
    expect(service.canSeeMembers(secretariat, 'p1')).toBe(true);
    expect(service.canSeeMembers(delegate, 'p1')).toBe(true);
    expect(service.canSeeMembers(delegate, 'p2')).toBe(false);
    expect(service.canSeeMembers(null, 'p1')).toBe(false);
  });
});
