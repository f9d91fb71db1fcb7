import { Inject, Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { APP_CONFIG, AppConfig, TransactionHost, TypeOrmAdapter } from '@accord/common';
import { PasswordHasher, UserEntity, UsersService } from '@accord/auth';
import { DraftingSeed } from './drafting.seed';
import { MeetingsSeed } from './meetings.seed';
import { DemoLogin, ParticipantsSeed } from './participants.seed';
import { SignaturesSeed } from './signatures.seed';
import { SilenceStatementsSeed } from './silence-statements.seed';

export type { DemoLogin };

/** Runs at start: the admin from ADMIN_EMAIL, then (with SEED_DEMO) the Pall Mall demo data, once. */
@Injectable()
export class SeedService {
  private readonly logger = new Logger(SeedService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly participants: ParticipantsSeed,
    private readonly meetings: MeetingsSeed,
    private readonly drafting: DraftingSeed,
    private readonly signatures: SignaturesSeed,
    private readonly silenceStatements: SilenceStatementsSeed,
    private readonly txHost: TransactionHost<TypeOrmAdapter>,
    private readonly moduleRef: ModuleRef,
  ) {}

  /**
   * Emails of the enabled demo accounts whose password is still the one the seed publishes
   * (and the start prints), checked against their stored hashes.
   */
  async demoAccountsWithPublishedPassword(): Promise<string[]> {
    const hasher = this.moduleRef.get(PasswordHasher, { strict: false });
    const checks = this.participants.logins().map(async ({ email, password }) => {
      const user = await this.txHost.tx
        .getRepository(UserEntity)
        .createQueryBuilder('u')
        .addSelect('u.passwordHash')
        .where('u.email = :email', { email: email.toLowerCase() })
        .getOne();
      if (!user?.passwordHash || user.disabledAt) return null;
      return (await hasher.verify(user.passwordHash, password)) ? email : null;
    });
    return (await Promise.all(checks)).filter((email): email is string => email !== null);
  }

  async run(): Promise<DemoLogin[]> {
    if (
      this.config.admin &&
      (await this.users.ensureAdmin(this.config.admin.email, this.config.admin.password))
    ) {
      this.logger.log(`Created admin ${this.config.admin.email}`);
    }
    if (!this.config.seedDemo) return [];
    if (await this.participants.alreadySeeded()) return this.participants.logins();
    // One transaction: a start interrupted half-way leaves no half-seeded demo behind.
    // Steps in order: participants and users; meetings; documents; signatures; agendas.
    const logins = await this.txHost.withTransaction(async () => {
      const { context, logins } = await this.participants.seed();
      await this.meetings.seedMeetings(context);
      await this.drafting.seed(context);
      await this.signatures.seed(context);
      await this.silenceStatements.seed(context);
      await this.meetings.seedAgenda(context);
      return logins;
    });
    this.logger.log('Seeded the Pall Mall demo data');
    return logins;
  }
}
