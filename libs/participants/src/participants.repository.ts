import { Injectable } from '@nestjs/common';
import {
  ActorMembership,
  ParticipantKind,
  plainRows,
  TransactionHost,
  TypeOrmAdapter,
} from '@accord/common';
import { SelectQueryBuilder } from 'typeorm';
import { DelegationMembershipEntity } from './delegation-membership.entity';
import { ParticipantEntity } from './participant.entity';

export interface ParticipantQuery {
  kind?: ParticipantKind | null;
  search?: string | null;
}

/** Every column of ParticipantEntity, for the plain-row reads. */
export const PARTICIPANT_COLUMNS = `p.id, p.kind, p.name, p."shortName", p."countryCode", p."createdAt"`;
const MEMBERSHIP_COLUMNS = `m."userId", m."participantId", m.role, m."createdAt"`;

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
    return plainRows(
      this.txHost.tx,
      `SELECT ${PARTICIPANT_COLUMNS} FROM participants p WHERE p.id = ANY($1)`,
      [ids],
    );
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
    // Plain rows with the entity's columns (limit, not take: take is for hydrated reads).
    const builder = this.filtered(query)
      .select('p.id', 'id')
      .orderBy('p.name', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .limit(limit);
    for (const column of ['kind', 'name', 'shortName', 'countryCode', 'createdAt'])
      builder.addSelect(`p.${column}`, column);
    if (after) builder.andWhere('(p.name, p.id) > (:name, :id)', after);
    return builder.getRawMany<ParticipantEntity>();
  }

  count(query: ParticipantQuery): Promise<number> {
    return this.filtered(query).getCount();
  }

  membershipOfUser(userId: string): Promise<DelegationMembershipEntity | null> {
    return this.memberships.findOne({ where: { userId }, relations: { participant: true } });
  }

  membershipsOfUsers(userIds: readonly string[]): Promise<DelegationMembershipEntity[]> {
    return plainRows(
      this.txHost.tx,
      `SELECT ${MEMBERSHIP_COLUMNS} FROM delegation_memberships m WHERE m."userId" = ANY($1)`,
      [userIds],
    );
  }

  membersOf(participantIds: readonly string[]): Promise<DelegationMembershipEntity[]> {
    return plainRows(
      this.txHost.tx,
      `SELECT ${MEMBERSHIP_COLUMNS} FROM delegation_memberships m
       WHERE m."participantId" = ANY($1) ORDER BY m."createdAt"`,
      [participantIds],
    );
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
