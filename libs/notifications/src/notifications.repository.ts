import { Injectable } from '@nestjs/common';
import {
  Actor,
  DelegationRole,
  DocumentStatus,
  NotificationKind,
  ParticipantKind,
  PlatformRole,
  TransactionHost,
  TypeOrmAdapter,
} from '@accord/common';
import { In } from 'typeorm';
import { DeliveryStatus, NotificationDeliveryEntity } from './notification-delivery.entity';
import { NotificationPreferenceEntity } from './notification-preference.entity';

/** A user who may receive an email, with what the policy needs to know of them. */
export interface Recipient {
  actor: Actor;
  email: string;
  language: string;
  /** The user's own IANA time zone; null: UTC. */
  timezone: string | null;
  participantName: string | null;
}

export interface MeetingRow {
  id: string;
  title: string;
  city: string;
  venue: string | null;
  timezone: string;
  startsAt: Date;
  endsAt: Date;
  status: string;
  updatedAt: Date;
}

export interface DocumentRow {
  id: string;
  title: string;
  slug: string;
  status: DocumentStatus;
  eligibleKinds: ParticipantKind[];
}

interface RecipientRow {
  id: string;
  email: string;
  displayName: string;
  platformRole: PlatformRole;
  language: string;
  timezone: string | null;
  participantId: string | null;
  participantKind: ParticipantKind | null;
  role: DelegationRole | null;
  participantName: string | null;
}

const RECIPIENTS = `
SELECT u.id, u.email, u."displayName", u."platformRole", u.language, u.timezone,
       m."participantId", p.kind AS "participantKind", m.role, p.name AS "participantName"
FROM users u
LEFT JOIN delegation_memberships m ON m."userId" = u.id
LEFT JOIN participants p ON p.id = m."participantId"
WHERE u."disabledAt" IS NULL`;

function toRecipient(row: RecipientRow): Recipient {
  return {
    actor: {
      id: row.id,
      email: row.email,
      displayName: row.displayName,
      platformRole: row.platformRole,
      membership: row.participantId
        ? {
            participantId: row.participantId,
            participantKind: row.participantKind!,
            role: row.role!,
          }
        : null,
    },
    email: row.email,
    language: row.language,
    timezone: row.timezone,
    participantName: row.participantName,
  };
}

export interface DeliveryFilter {
  meetingId?: string;
  documentId?: string;
  recipientId?: string;
  /** Keyset: the rows after this delivery id (newest first). */
  after?: string;
  first: number;
}

/** The only file of the library that touches SQL. */
@Injectable()
export class NotificationsRepository {
  constructor(private readonly txHost: TransactionHost<TypeOrmAdapter>) {}

  private get deliveries() {
    return this.txHost.tx.getRepository(NotificationDeliveryEntity);
  }

  private get preferences() {
    return this.txHost.tx.getRepository(NotificationPreferenceEntity);
  }

  private async recipients(where: string, params: unknown[]): Promise<Recipient[]> {
    const rows = (await this.txHost.tx.query(`${RECIPIENTS} ${where}`, params)) as RecipientRow[];
    return rows.map(toRecipient);
  }

  /** Heads of delegation and delegates (not observers) of these participants. */
  membersOf(participantIds: readonly string[], roles: DelegationRole[]): Promise<Recipient[]> {
    if (!participantIds.length) return Promise.resolve([]);
    return this.recipients(`AND m."participantId" = ANY($1) AND m.role::text = ANY($2)`, [
      participantIds,
      roles,
    ]);
  }

  /** The secretariat and every member of a participant of these kinds: those the policy sorts. */
  staffAndMembersOfKinds(kinds: readonly ParticipantKind[]): Promise<Recipient[]> {
    return this.recipients(`AND (u."platformRole" <> 'NONE' OR p.kind::text = ANY($1))`, [kinds]);
  }

  usersByIds(ids: readonly string[]): Promise<Recipient[]> {
    return this.recipients(`AND u.id = ANY($1)`, [ids]);
  }

  async meeting(id: string): Promise<MeetingRow | null> {
    const rows = (await this.txHost.tx.query(
      `SELECT id, title, city, venue, timezone, "startsAt", "endsAt", status, "updatedAt"
       FROM meetings WHERE id = $1`,
      [id],
    )) as MeetingRow[];
    return rows[0] ?? null;
  }

  async invitedParticipantIds(meetingId: string): Promise<string[]> {
    const rows = (await this.txHost.tx.query(
      `SELECT "participantId" FROM invitations WHERE "meetingId" = $1`,
      [meetingId],
    )) as { participantId: string }[];
    return rows.map((row) => row.participantId);
  }

  async document(id: string): Promise<DocumentRow | null> {
    const rows = (await this.txHost.tx.query(
      `SELECT id, title, slug, status, "eligibleKinds"::text[] AS "eligibleKinds" FROM documents WHERE id = $1`,
      [id],
    )) as DocumentRow[];
    return rows[0] ?? null;
  }

  async participantName(id: string): Promise<string | null> {
    const rows = (await this.txHost.tx.query(`SELECT name FROM participants WHERE id = $1`, [
      id,
    ])) as { name: string }[];
    return rows[0]?.name ?? null;
  }

  async amendment(id: string): Promise<{
    id: string;
    documentId: string;
    kind: string;
    text: string | null;
    rationale: string | null;
    proposerId: string;
    proposedById: string;
    clausePosition: number;
  } | null> {
    const rows = await this.txHost.tx.query(
      `SELECT a.id, a."documentId", a.kind, a.text, a.rationale, a."proposerId", a."proposedById",
              c.position AS "clausePosition"
       FROM amendments a JOIN clauses c ON c.id = a."clauseId" WHERE a.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async comment(id: string): Promise<{
    id: string;
    documentId: string;
    body: string;
    authorId: string;
    parentAuthorId: string | null;
  } | null> {
    const rows = await this.txHost.tx.query(
      `SELECT c.id, c."documentId", c.body, c."authorId", parent."authorId" AS "parentAuthorId"
       FROM comments c LEFT JOIN comments parent ON parent.id = c."parentId" WHERE c.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Of these users, those who turned emails of this kind off. */
  async optedOut(userIds: readonly string[], kind: NotificationKind): Promise<Set<string>> {
    if (!userIds.length) return new Set();
    const rows = await this.preferences.find({
      where: { userId: In([...userIds]), kind, email: false },
    });
    return new Set(rows.map((row) => row.userId));
  }

  preferencesOf(userId: string): Promise<NotificationPreferenceEntity[]> {
    return this.preferences.find({ where: { userId } });
  }

  async savePreferences(rows: NotificationPreferenceEntity[]): Promise<void> {
    await this.preferences.upsert(rows, ['userId', 'kind']);
  }

  async setTimezone(userId: string, timezone: string | null): Promise<void> {
    await this.txHost.tx.query(`UPDATE users SET timezone = $2 WHERE id = $1`, [userId, timezone]);
  }

  async setLanguage(userId: string, language: string): Promise<void> {
    await this.txHost.tx.query(`UPDATE users SET language = $2 WHERE id = $1`, [userId, language]);
  }

  /** Inserts the rows not already there (same event, same recipient); returns those inserted. */
  async insertDeliveries(
    rows: Omit<
      NotificationDeliveryEntity,
      'id' | 'createdAt' | 'status' | 'attempts' | 'lastError' | 'sentAt'
    >[],
  ): Promise<{ id: string; recipientId: string }[]> {
    if (!rows.length) return [];
    const result = await this.deliveries
      .createQueryBuilder()
      .insert()
      .values(rows)
      .orIgnore()
      .returning(['id', 'recipientId'])
      .execute();
    return (result.raw as { id: string; recipientId: string }[]).filter((row) => row?.id);
  }

  /** The pending row, locked for this worker; null if another has it or it is no longer pending. */
  lockPending(id: string): Promise<NotificationDeliveryEntity | null> {
    return this.deliveries
      .createQueryBuilder('d')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .where('d.id = :id AND d.status = :status', { id, status: DeliveryStatus.PENDING })
      .getOne();
  }

  /** Every pending row, for the start's sweep: id, recipient, digest, when written. */
  pendingRows(): Promise<
    Pick<NotificationDeliveryEntity, 'id' | 'recipientId' | 'digest' | 'createdAt'>[]
  > {
    return this.deliveries.find({
      select: { id: true, recipientId: true, digest: true, createdAt: true },
      where: { status: DeliveryStatus.PENDING },
    });
  }

  /** A user's pending digest items, locked (oldest first). */
  lockPendingDigest(recipientId: string): Promise<NotificationDeliveryEntity[]> {
    return this.deliveries
      .createQueryBuilder('d')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .where('d.recipientId = :recipientId AND d.status = :status AND d.digest', {
        recipientId,
        status: DeliveryStatus.PENDING,
      })
      .orderBy('d.createdAt', 'ASC')
      .getMany();
  }

  async markSent(ids: string[], sentAt: Date): Promise<void> {
    await this.deliveries.update(
      { id: In(ids) },
      { status: DeliveryStatus.SENT, sentAt, attempts: () => 'attempts + 1', lastError: null },
    );
  }

  async markFailedAttempt(ids: string[], error: string, final: boolean): Promise<void> {
    await this.deliveries.update(
      { id: In(ids) },
      {
        attempts: () => 'attempts + 1',
        lastError: error.slice(0, 1000),
        ...(final ? { status: DeliveryStatus.FAILED } : {}),
      },
    );
  }

  /** Rows that will not be sent (the recipient turned their kind off meanwhile). */
  async markDropped(ids: string[], reason: string): Promise<void> {
    if (!ids.length) return;
    await this.deliveries.update(
      { id: In(ids) },
      { status: DeliveryStatus.FAILED, lastError: reason },
    );
  }

  list(filter: DeliveryFilter): Promise<NotificationDeliveryEntity[]> {
    const query = this.deliveries
      .createQueryBuilder('d')
      .select([
        'd.id',
        'd.kind',
        'd.recipientId',
        'd.subject',
        'd.status',
        'd.attempts',
        'd.createdAt',
        'd.sentAt',
        'd.lastError',
      ])
      .orderBy('d.createdAt', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .take(filter.first);
    if (filter.meetingId) query.andWhere('d.meetingId = :meetingId', filter);
    if (filter.documentId) query.andWhere('d.documentId = :documentId', filter);
    if (filter.recipientId) query.andWhere('d.recipientId = :recipientId', filter);
    if (filter.after)
      query.andWhere(
        '(d.createdAt, d.id) < (SELECT a."createdAt", a.id FROM notification_deliveries a WHERE a.id = :after)',
        { after: filter.after },
      );
    return query.getMany();
  }
}
