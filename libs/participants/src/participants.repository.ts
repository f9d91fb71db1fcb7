import { Injectable } from '@nestjs/common';
import { ActorMembership, ParticipantKind, TransactionHost, TypeOrmAdapter } from '@accord/common';
import { In, SelectQueryBuilder } from 'typeorm';
import { DelegationMembershipEntity } from './delegation-membership.entity';
import { ParticipantEntity } from './participant.entity';

export interface ParticipantQuery {
  kind?: ParticipantKind | null;
  search?: string | null;
}

function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

@Injectable()
export class ParticipantsRepository {
  constructor(private readonly txHost: TransactionHost<TypeOrmAdapter>) {}

  private get participants() {
    return this.txHost.tx.getRepository(ParticipantEntity);
  }

  private get memberships() {
    return this.txHost.tx.getRepository(DelegationMembershipEntity);
  }

  getById(id: string): Promise<ParticipantEntity | null> {
    return this.participants.findOneBy({ id });
  }

  getByIds(ids: readonly string[]): Promise<ParticipantEntity[]> {
    return this.participants.findBy({ id: In([...ids]) });
  }

  getByNameInsensitive(name: string): Promise<ParticipantEntity | null> {
    return this.participants
      .createQueryBuilder('p')
      .where('lower(p.name) = lower(:name)', { name })
      .getOne();
  }

  getStateByCountryCode(countryCode: string): Promise<ParticipantEntity | null> {
    return this.participants.findOneBy({ countryCode, kind: ParticipantKind.STATE });
  }

  create(
    participant: Pick<ParticipantEntity, 'kind' | 'name' | 'shortName' | 'countryCode'>,
  ): Promise<ParticipantEntity> {
    return this.participants.save(this.participants.create(participant));
  }

  private filtered(query: ParticipantQuery): SelectQueryBuilder<ParticipantEntity> {
    const builder = this.participants.createQueryBuilder('p');
    if (query.kind) builder.andWhere('p.kind = :kind', { kind: query.kind });
    if (query.search) {
      builder.andWhere("(p.name ILIKE :term ESCAPE '\\' OR p.shortName ILIKE :term ESCAPE '\\')", {
        term: `%${escapeLike(query.search)}%`,
      });
    }
    return builder;
  }

  /** Keyset pagination on (name, id): stable whatever is inserted meanwhile. */
  page(
    query: ParticipantQuery,
    limit: number,
    after: { name: string; id: string } | null,
  ): Promise<ParticipantEntity[]> {
    const builder = this.filtered(query)
      .orderBy('p.name', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .take(limit);
    if (after) builder.andWhere('(p.name, p.id) > (:name, :id)', after);
    return builder.getMany();
  }

  count(query: ParticipantQuery): Promise<number> {
    return this.filtered(query).getCount();
  }

  membershipOfUser(userId: string): Promise<DelegationMembershipEntity | null> {
    return this.memberships.findOne({ where: { userId }, relations: { participant: true } });
  }

  membershipsOfUsers(userIds: readonly string[]): Promise<DelegationMembershipEntity[]> {
    return this.memberships.findBy({ userId: In([...userIds]) });
  }

  membersOf(participantIds: readonly string[]): Promise<DelegationMembershipEntity[]> {
    return this.memberships.find({
      where: { participantId: In([...participantIds]) },
      order: { createdAt: 'ASC' },
    });
  }

  /**
   * Inserts, never updates (save() would turn a concurrent second add into an update). A request
   * racing another for the same user waits for it on the primary key, then inserts nothing: null.
   */
  async addMember(
    membership: Pick<DelegationMembershipEntity, 'userId' | 'participantId' | 'role'>,
  ): Promise<DelegationMembershipEntity | null> {
    const result = await this.memberships
      .createQueryBuilder()
      .insert()
      .values(membership)
      .orIgnore()
      .returning('*')
      .execute();
    const row = result.raw as DelegationMembershipEntity[];
    return row.length ? this.memberships.create(row[0]) : null;
  }

  async removeMember(userId: string): Promise<void> {
    await this.memberships.delete({ userId });
  }
}

/** Exposed to the auth library through MEMBERSHIP_LOOKUP. */
export function toActorMembership(
  membership: DelegationMembershipEntity | null,
): ActorMembership | null {
  if (!membership?.participant) return null;
  return {
    participantId: membership.participantId,
    participantKind: membership.participant.kind,
    role: membership.role,
  };
}
