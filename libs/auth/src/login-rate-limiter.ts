import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainException } from '@accord/common';
import { createHash } from 'node:crypto';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';

export const LOGIN_LIMITS = {
  failuresPerEmail: 5,
  failureWindowSeconds: 15 * 60,
  emailBlockSeconds: 15 * 60,
  attemptsPerAddressPerMinute: 60,
} as const;

/** The table is created by a migration; counters live in PostgreSQL so every API instance shares them. */
const TABLE = 'login_rate_limits';

/** Keys are varchar(255): an email of any allowed length fits once hashed (and is not stored in clear). */
const emailKey = (email: string) => createHash('sha256').update(email).digest('hex');

function refused(res: RateLimiterRes | null, message: string): DomainException {
  return DomainException.rateLimited(message, Math.ceil((res?.msBeforeNext ?? 60_000) / 1000));
}

@Injectable()
export class LoginRateLimiter {
  private readonly failures: RateLimiterPostgres;
  private readonly addresses: RateLimiterPostgres;

  constructor(@InjectDataSource() dataSource: DataSource) {
    const storeClient = (dataSource.driver as unknown as { master: unknown }).master;
    const common = {
      storeClient,
      storeType: 'pool',
      tableName: TABLE,
      tableCreated: true,
      clearExpiredByTimeout: false,
    };
    this.failures = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'login-failures',
      points: LOGIN_LIMITS.failuresPerEmail,
      duration: LOGIN_LIMITS.failureWindowSeconds,
    });
    this.addresses = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'login-address',
      points: LOGIN_LIMITS.attemptsPerAddressPerMinute,
      duration: 60,
    });
  }

  /** Counts this attempt against the address and refuses a blocked email before any password check. */
  async admit(email: string, address: string): Promise<void> {
    try {
      await this.addresses.consume(address);
    } catch (error) {
      if (error instanceof RateLimiterRes)
        throw refused(error, 'Too many login attempts from this address; wait a minute');
      throw error;
    }
    const state = await this.failures.get(emailKey(email));
    if (state && state.consumedPoints >= LOGIN_LIMITS.failuresPerEmail) {
      throw refused(state, 'Too many failed logins for this email; try again later');
    }
  }

  async recordFailure(email: string): Promise<void> {
    const res = await this.failures.penalty(emailKey(email), 1);
    if (res.consumedPoints >= LOGIN_LIMITS.failuresPerEmail) {
      await this.failures.block(emailKey(email), LOGIN_LIMITS.emailBlockSeconds);
    }
  }

  async recordSuccess(email: string): Promise<void> {
    await this.failures.delete(emailKey(email));
  }
}
