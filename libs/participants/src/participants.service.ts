import { Injectable } from '@nestjs/common';
import {
  Actor,
  decodeCursor,
  DelegationRole,
  DomainException,
  encodeCursor,
  normaliseName,
  PlatformRole,
  ParticipantKind,
  TransactionHost,
  TypeOrmAdapter,
} from '@accord/common';
import { AuditService } from '@accord/audit';
import { UsersService } from '@accord/auth';
import { assertCan, can } from '@accord/policy';
import { DelegationMembershipEntity } from './delegation-membership.entity';
import { AddDelegationMemberInput } from './dto/add-delegation-member.input';
import { CreateParticipantInput } from './dto/create-participant.input';
import { ParticipantEntity } from './participant.entity';
import { ParticipantQuery, ParticipantsRepository } from './participants.repository';

export interface ParticipantPage {
  rows: { node: ParticipantEntity; cursor: string }[];
  hasNextPage: boolean;
}

@Injectable()
export class ParticipantsService {
  constructor(
    private readonly participants: ParticipantsRepository,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly txHost: TransactionHost<TypeOrmAdapter>,
  ) {}

  getById(id: string): Promise<ParticipantEntity | null> {
    return this.participants.getById(id);
  }

  async page(
    query: ParticipantQuery,
    first: number,
    after: string | null,
  ): Promise<ParticipantPage> {
    const position = after ? this.decodePosition(after) : null;
    const rows = await this.participants.page(query, first + 1, position);
    const page = rows.slice(0, first);
    return {
      rows: page.map((node) => ({ node, cursor: encodeCursor([node.name, node.id]) })),
      hasNextPage: rows.length > first,
    };
  }

  count(query: ParticipantQuery): Promise<number> {
    return this.participants.count(query);
  }

  async create(actor: Actor | null, input: CreateParticipantInput): Promise<ParticipantEntity> {
    assertCan(actor, 'participant.create', {});
    // Also for callers that skip the GraphQL gate (seeds): one name, however it was typed.
    const name = normaliseName(input.name);
    if (!name) throw DomainException.badInput('name', 'name must not be empty');
    const countryCode = this.checkCountryCode(input.kind, input.countryCode);
    return this.txHost.withTransaction(async () => {
      if (await this.participants.getByNameInsensitive(name)) {
        throw DomainException.conflict(`A participant named "${name}" already exists`, {
          field: 'name',
        });
      }
      if (
        countryCode &&
        input.kind === ParticipantKind.STATE &&
        (await this.participants.getStateByCountryCode(countryCode))
      ) {
        throw DomainException.conflict(`A state with country code ${countryCode} already exists`, {
          field: 'countryCode',
        });
      }
      const participant = await this.participants.create({
        kind: input.kind,
        name,
        shortName: input.shortName ? normaliseName(input.shortName) || null : null,
        countryCode,
      });
      await this.audit.record(actor, {
        action: 'participant.created',
        entityType: 'Participant',
        entityId: participant.id,
        details: { name, kind: input.kind, countryCode },
      });
      return participant;
    });
  }

  async addMember(
    actor: Actor | null,
    input: AddDelegationMemberInput,
  ): Promise<DelegationMembershipEntity> {
    assertCan(actor, 'delegation.manageMember', {
      participantId: input.participantId,
      role: input.role,
    });
    return this.txHost.withTransaction(async () => {
      if (!(await this.participants.getById(input.participantId))) {
        throw DomainException.notFound('Participant', 'participantId');
      }
      const user = await this.users.getById(input.userId);
      if (!user) {
        throw DomainException.notFound('User', 'userId');
      }
      if (user.platformRole !== PlatformRole.NONE) {
        throw DomainException.badInput(
          'userId',
          'Secretariat and admin users do not join a delegation',
        );
      }
      const membership =
        !(await this.participants.membershipOfUser(input.userId)) &&
        (await this.participants.addMember(input));
      if (!membership) {
        throw DomainException.conflict('This user already belongs to a delegation', {
          field: 'userId',
        });
      }
      await this.audit.record(actor, {
        action: 'delegation.memberAdded',
        entityType: 'Participant',
        entityId: input.participantId,
        details: { userId: input.userId, role: input.role },
      });
      return membership;
    });
  }

  async removeMember(actor: Actor | null, participantId: string, userId: string): Promise<boolean> {
    return this.txHost.withTransaction(async () => {
      const membership = await this.participants.membershipOfUser(userId);
      if (!membership || membership.participantId !== participantId) {
        // Say FORBIDDEN rather than NOT_FOUND to callers who may not manage this delegation at all.
        assertCan(actor, 'delegation.manageMember', {
          participantId,
          role: DelegationRole.DELEGATE,
        });
        throw DomainException.notFound('Delegation member');
      }
      assertCan(actor, 'delegation.manageMember', { participantId, role: membership.role });
      await this.participants.removeMember(userId);
      await this.audit.record(actor, {
        action: 'delegation.memberRemoved',
        entityType: 'Participant',
        entityId: participantId,
        details: { userId, role: membership.role },
      });
      return true;
    });
  }

  /** Members are shown to the secretariat and to the participant's own members; to others the list is empty. */
  canSeeMembers(actor: Actor | null, participantId: string): boolean {
    return can(actor, 'participant.readMembers', { participantId });
  }

  private checkCountryCode(kind: ParticipantKind, raw: string | null | undefined): string | null {
    const code = raw?.trim().toUpperCase() || null;
    if (!code) {
      if (kind === ParticipantKind.STATE)
        throw DomainException.badInput('countryCode', 'A state needs a countryCode');
      return null;
    }
    if (!/^[A-Z]{2}$/.test(code) || !isoCountries().isValid(code)) {
      throw DomainException.badInput(
        'countryCode',
        `${code} is not an ISO 3166-1 alpha-2 country code`,
      );
    }
    return code;
  }

  private decodePosition(after: string): { name: string; id: string } {
    const [name, id] = decodeCursor(after);
    if (typeof name !== 'string' || typeof id !== 'string')
      throw DomainException.badInput('after', 'after is not a valid cursor');
    return { name, id };
  }
}

let countries: typeof import('i18n-iso-countries') | undefined;
/** Loaded at the first country code checked, not at start (its tables are large). */
function isoCountries(): typeof import('i18n-iso-countries') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  countries ??= require('i18n-iso-countries') as typeof import('i18n-iso-countries');
  return countries;
}
