import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainException } from '@accord/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';

/**
 * Login attempts are limited per (client address, account) and per client address, never per
 * account alone: a stranger elsewhere cannot lock the owner out. Past the free attempts each
 * further attempt waits twice as long as the one before (1 s, 2 s, 4 s … up to the cap).
 */
export interface LoginLimits {
  freeAttemptsPerAccount: number;
  freeAttemptsPerAddress: number;
  firstDelaySeconds: number;
  maxDelaySeconds: number;
  forgetAfterSeconds: number;
}

export const LOGIN_LIMITS = {
  /** Failed attempts from one address at one account before the delays start. */
  freeAttemptsPerAccount: 5,
  /** Failed attempts from one address, whatever the account, before the delays start. */
  freeAttemptsPerAddress: 30,
  firstDelaySeconds: 1,
  maxDelaySeconds: 15 * 60,
  /** A counter untouched this long starts again from zero. */
  forgetAfterSeconds: 60 * 60,
} as const;

/**
 * One statement counts the attempt and decides, so parallel attempts cannot all pass: the
 * upsert serialises on the row and each sees the count the previous one left. No row comes
 * back when the attempt must wait (and then it is not counted).
 */
const ADMIT = `
INSERT INTO login_throttle AS t (key, attempts, "lastAttemptAt") VALUES ($1, 1, now())
ON CONFLICT (key) DO UPDATE SET
  attempts = CASE WHEN t."lastAttemptAt" < now() - make_interval(secs => $3::float8)
                  THEN 1 ELSE t.attempts + 1 END,
  "lastAttemptAt" = now()
WHERE t."lastAttemptAt" < now() - make_interval(secs => $3::float8)
   OR t.attempts < $2::int
   OR t."lastAttemptAt" + make_interval(secs => least($5::float8, $4::float8 * power(2, t.attempts - $2::int))) <= now()
RETURNING attempts`;

const WAIT = `
SELECT ceil(extract(epoch FROM t."lastAttemptAt"
         + make_interval(secs => least($4::float8, $3::float8 * power(2, t.attempts - $2::int))) - now()))::int AS wait
FROM login_throttle t WHERE key = $1`;

const key = (...parts: string[]) => createHash('sha256').update(parts.join('\n')).digest('hex');

/**
 * Whom the per-account counters are about: the email, and the password hash it has now, so
 * that a new password (set with a reset ticket) starts them afresh and its owner gets in at
 * once, whatever strangers tried before. Only a hash of both is stored.
 */
export interface LimitedAccount {
  email: string;
  passwordHash?: string | null;
}

const accountKey = (address: string, account: LimitedAccount) =>
  key('account', address, account.email, account.passwordHash ?? '');

/** Counters live in PostgreSQL (table login_throttle, keys hashed) so every API instance shares them. */
@Injectable()
export class LoginRateLimiter {
  private readonly logger = new Logger('LoginLimits');
  /** The limits in force (LOGIN_LIMITS; a test may lengthen the delays to stay clear of timing). */
  limits: LoginLimits = { ...LOGIN_LIMITS };

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Counts this attempt before any password is checked; RATE_LIMITED when it must wait. */
  async admit(account: LimitedAccount, address: string): Promise<void> {
    const byAddress = key('address', address);
    const byAccount = accountKey(address, account);
    const addressWait = await this.take(byAddress, this.limits.freeAttemptsPerAddress);
    if (addressWait !== null) throw this.refuse(addressWait, account.email, address, 'address');
    const accountWait = await this.take(byAccount, this.limits.freeAttemptsPerAccount);
    if (accountWait !== null) {
      // The address is not charged for an attempt that was refused before any check.
      await this.refund(byAddress);
      throw this.refuse(accountWait, account.email, address, 'account');
    }
  }

  /**
   * A wrong password (or second factor): the delay runs from now, not from when the attempt
   * was admitted, so a slow password check does not eat into it.
   */
  async failed(account: LimitedAccount, address: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE login_throttle SET "lastAttemptAt" = now() WHERE key = ANY($1)`,
      [[key('address', address), accountKey(address, account)]],
    );
  }

  /** The right password: this address starts afresh at this account, and gets its attempt back. */
  async succeeded(account: LimitedAccount, address: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_throttle WHERE key = $1`, [
      accountKey(address, account),
    ]);
    await this.refund(key('address', address));
  }

  /** Null when admitted, else the seconds to wait. */
  private async take(counter: string, free: number): Promise<number | null> {
    const { forgetAfterSeconds, firstDelaySeconds, maxDelaySeconds } = this.limits;
    const admitted = (await this.dataSource.query(ADMIT, [
      counter,
      free,
      forgetAfterSeconds,
      firstDelaySeconds,
      maxDelaySeconds,
    ])) as unknown[];
    if (admitted.length) return null;
    const rows = (await this.dataSource.query(WAIT, [
      counter,
      free,
      this.limits.firstDelaySeconds,
      this.limits.maxDelaySeconds,
    ])) as { wait: number }[];
    return Math.max(1, rows[0]?.wait ?? 1);
  }

  private async refund(counter: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE login_throttle SET attempts = greatest(attempts - 1, 0) WHERE key = $1`,
      [counter],
    );
  }

  private refuse(
    waitSeconds: number,
    email: string,
    address: string,
    scope: 'address' | 'account',
  ): DomainException {
    this.logger.warn(
      `Login refused before any check: too many attempts from ${address}` +
        (scope === 'account' ? ` at ${email}` : '') +
        `; retry in ${waitSeconds} s`,
    );
    return DomainException.rateLimited(
      scope === 'account'
        ? 'Too many failed logins for this account from your address; wait and try again'
        : 'Too many login attempts from your address; wait and try again',
      waitSeconds,
    );
  }
}
