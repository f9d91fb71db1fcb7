import { Injectable } from '@nestjs/common';
import {
  Actor,
  DelegationRole,
  ParticipantKind,
  PlatformRole,
  PreparedRows,
  TransactionHost,
  TypeOrmAdapter,
} from '@accord/common';
import { IsNull } from 'typeorm';
import { SessionEndReason, SessionEntity } from './session.entity';

/** How many rotated-away refresh hashes a session remembers for reuse detection. */
export const REMEMBERED_REFRESH_HASHES = 50;

/** A session row with what a refresh needs, locked until the transaction ends. */
export type LockedSession = SessionEntity & {
  refreshTokenHash: string;
  previousRefreshHashes: string[];
  userDisabled: boolean;
};

export interface ActorRow {
  id: string;
  email: string;
  displayName: string;
  platformRole: PlatformRole;
  participantId: string | null;
  participantKind: ParticipantKind | null;
  delegationRole: DelegationRole | null;
  mfaEnabled: boolean;
  language: string;
  timezone: string | null;
  lastLoginAt: Date | string | null;
}

/**
 * The per-request check, in one statement: the session is live, the user is enabled, and the
 * user's role and delegation as they are now. It reads the participants library's membership
 * tables directly (not through MEMBERSHIP_LOOKUP) because this runs on every request and
 * every graphql-ws operation. lastUsedAt is written at most once a minute per session.
 * `touch` is a data-modifying CTE (top level only); `select` finds the caller's row. The user
 * id and the session id are the placeholders given, so that a compiled read can fold the
 * check into its own statement (see CompiledReadsCaller).
 */
export function actorOfSessionSql(userId: string, sessionId: string) {
  const live = `s.id = ${sessionId} AND s."userId" = ${userId} AND s."revokedAt" IS NULL AND s."expiresAt" > now()`;
  return {
    touch: `touched AS (
  UPDATE sessions s SET "lastUsedAt" = now()
  WHERE ${live} AND s."lastUsedAt" < now() - interval '1 minute'
)`,
    select: `SELECT u.id, u.email, u."displayName", u."platformRole", u.language, u.timezone, u."lastLoginAt",
       m."participantId", p.kind AS "participantKind", m.role AS "delegationRole",
       EXISTS (SELECT 1 FROM totp_credentials t
               WHERE t."userId" = u.id AND t."enabledAt" IS NOT NULL) AS "mfaEnabled"
FROM sessions s
JOIN users u ON u.id = s."userId" AND u."disabledAt" IS NULL
LEFT JOIN delegation_memberships m ON m."userId" = u.id
LEFT JOIN participants p ON p.id = m."participantId"
WHERE ${live}`,
  };
}

const { touch, select } = actorOfSessionSql('$1', '$2');
const ACTOR_OF_SESSION = `WITH ${touch}\n${select}`;

/** The caller a row of actorOfSessionSql makes; from JSON, its timestamp is text. */
export function actorOfRow(row: ActorRow, sessionId: string): Actor {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    platformRole: row.platformRole,
    membership:
      row.participantId && row.participantKind && row.delegationRole
        ? {
            participantId: row.participantId,
            participantKind: row.participantKind,
            role: row.delegationRole,
          }
        : null,
    mfaEnabled: row.mfaEnabled,
    language: row.language,
    lastLoginAt: row.lastLoginAt === null ? null : new Date(row.lastLoginAt),
    timezone: row.timezone,
    sessionId,
  };
}

@Injectable()
export class SessionsRepository {
  constructor(
    private readonly txHost: TransactionHost<TypeOrmAdapter>,
    private readonly prepared: PreparedRows,
  ) {}

  private get repo() {
    return this.txHost.tx.getRepository(SessionEntity);
  }

  async insert(
    session: Pick<
      SessionEntity,
      'id' | 'userId' | 'refreshTokenHash' | 'expiresAt' | 'userAgent' | 'ipAddress'
    >,
  ): Promise<SessionEntity> {
    await this.repo.insert(session);
    return (await this.repo.findOneBy({ id: session.id }))!;
  }

  async actorOfSession(userId: string, sessionId: string): Promise<Actor | null> {
    const rows = await this.prepared.query<ActorRow>('actor_of_session', ACTOR_OF_SESSION, [
      userId,
      sessionId,
    ]);
    return rows[0] ? actorOfRow(rows[0], sessionId) : null;
  }

  /** For a refresh: the row with its hashes, locked so that two refreshes of one token serialise. */
  async lockForRefresh(sessionId: string): Promise<LockedSession | null> {
    const row = await this.repo
      .createQueryBuilder('s')
      .addSelect(['s.refreshTokenHash', 's.previousRefreshHashes'])
      .innerJoin('s.user', 'u')
      .addSelect('u.disabledAt')
      .where('s.id = :sessionId', { sessionId })
      .setLock('pessimistic_write', undefined, ['s'])
      .getOne();
    if (!row) return null;
    return Object.assign(row, { userDisabled: row.user?.disabledAt != null }) as LockedSession;
  }

  async rotate(session: LockedSession, newHash: string, expiresAt: Date): Promise<SessionEntity> {
    const previous = [...session.previousRefreshHashes, session.refreshTokenHash].slice(
      -REMEMBERED_REFRESH_HASHES,
    );
    await this.repo.update(
      { id: session.id },
      {
        refreshTokenHash: newHash,
        previousRefreshHashes: previous,
        rotationCount: session.rotationCount + 1,
        lastUsedAt: new Date(),
        expiresAt,
      },
    );
    return (await this.repo.findOneBy({ id: session.id }))!;
  }

  /** Ends one live session; false when it was not live. */
  async revoke(sessionId: string, reason: SessionEndReason): Promise<boolean> {
    const result = await this.repo.update(
      { id: sessionId, revokedAt: IsNull() },
      { revokedAt: new Date(), revokedReason: reason },
    );
    return (result.affected ?? 0) > 0;
  }

  /** Ends every live session of a user (but one, when given); returns the ids ended. */
  async revokeAllOfUser(
    userId: string,
    reason: SessionEndReason,
    exceptSessionId: string | null,
  ): Promise<string[]> {
    const query = this.repo
      .createQueryBuilder()
      .update(SessionEntity)
      .set({ revokedAt: () => 'now()', revokedReason: reason })
      .where('"userId" = :userId AND "revokedAt" IS NULL', { userId })
      .returning('id');
    if (exceptSessionId) query.andWhere('id <> :exceptSessionId', { exceptSessionId });
    const result = await query.execute();
    return (result.raw as { id: string }[]).map((r) => r.id);
  }

  /** The live sessions of a user, most recently used first. */
  listLive(userId: string): Promise<SessionEntity[]> {
    return this.repo
      .createQueryBuilder('s')
      .where('s.userId = :userId AND s.revokedAt IS NULL AND s.expiresAt > now()', { userId })
      .orderBy('s.lastUsedAt', 'DESC')
      .addOrderBy('s.id', 'ASC')
      .getMany();
  }

  findLive(sessionId: string, userId: string): Promise<SessionEntity | null> {
    return this.repo
      .createQueryBuilder('s')
      .where('s.id = :sessionId AND s.userId = :userId', { sessionId, userId })
      .andWhere('s.revokedAt IS NULL AND s.expiresAt > now()')
      .getOne();
  }
}
