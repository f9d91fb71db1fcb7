import { Injectable, Logger } from '@nestjs/common';
import { Actor, DomainException, TransactionHost, TypeOrmAdapter } from '@accord/common';
import { AuditService } from '@accord/audit';
import { assertCan } from '@accord/policy';
import { PasswordConfirmation } from '../passwords/password-confirmation';
import { SessionEndReason } from '../sessions/session.entity';
import { SessionsService } from '../sessions/sessions.service';
import { UsersRepository } from '../users.repository';
import { hashRecoveryCode, newRecoveryCodes, normalizeRecoveryCode } from './recovery-codes';
import { SecondFactorRepository } from './second-factor.repository';
import { SecretBox } from './secret-box';
import { matchingStep, newTotpSecret, totpFor } from './totp';

export interface TotpEnrolment {
  secret: string;
  otpauthUri: string;
  qrCodeSvg: string;
}

const ASK_FOR_CODE = 'Enter the code from your authenticator app, or one of your recovery codes';
const WRONG_CODE = 'The code is wrong, expired or already used';

function signedIn(actor: Actor | null): Actor {
  if (!actor) throw DomainException.unauthenticated();
  return actor;
}

/** TOTP (RFC 6238) as a second factor, with single-use recovery codes. */
@Injectable()
export class SecondFactorService {
  private readonly logger = new Logger('SecondFactor');

  constructor(
    private readonly repository: SecondFactorRepository,
    private readonly users: UsersRepository,
    private readonly box: SecretBox,
    private readonly passwords: PasswordConfirmation,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly txHost: TransactionHost<TypeOrmAdapter>,
  ) {}

  /** A new pending secret (replacing an unconfirmed one); the factor is on only once a code confirms it. */
  async beginEnrolment(caller: Actor | null): Promise<TotpEnrolment> {
    const actor = signedIn(caller);
    const secret = newTotpSecret();
    await this.txHost.withTransaction(async () => {
      if ((await this.repository.getCredential(actor.id, true))?.enabledAt)
        throw DomainException.invalidState(
          'A second factor is already on: turn it off (disableTotp) before enrolling again',
        );
      await this.repository.savePending(actor.id, this.box.seal(secret, actor.id));
    });
    const otpauthUri = totpFor(secret, actor.email).toString();
    // Loaded at the first enrolment, not at start.
    const QRCode = await import('qrcode');
    const qrCodeSvg = await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M' });
    return { secret, otpauthUri, qrCodeSvg };
  }

  /** Turns the pending secret on with a valid code; answers the ten recovery codes, shown this once. */
  async confirmEnrolment(caller: Actor | null, code: string): Promise<string[]> {
    const actor = signedIn(caller);
    return this.txHost.withTransaction(async () => {
      const credential = await this.repository.getCredential(actor.id, true);
      if (!credential || credential.enabledAt)
        throw DomainException.invalidState(
          credential ? 'The second factor is already on' : 'Call beginTotpEnrolment first',
        );
      const secret = this.box.open(credential.sealedSecret, actor.id);
      const step = secret === null ? null : matchingStep(secret, code.trim());
      if (step === null || !(await this.repository.claimStep(actor.id, step)))
        throw DomainException.badInput('code', WRONG_CODE);
      await this.repository.enable(actor.id, new Date());
      const codes = newRecoveryCodes();
      await this.repository.replaceRecoveryCodes(
        actor.id,
        codes.map((c) => hashRecoveryCode(normalizeRecoveryCode(c)!)),
      );
      await this.audit.record(actor, {
        action: 'user.totpEnabled',
        entityType: 'User',
        entityId: actor.id,
        details: { recoveryCodes: codes.length },
      });
      return codes;
    });
  }

  /** Turns the second factor off after re-checking the current password. */
  async disable(caller: Actor | null, password: string, address: string | null): Promise<boolean> {
    const actor = signedIn(caller);
    await this.passwords.confirm(actor, password, 'password', address);
    return this.txHost.withTransaction(async () => {
      if (!(await this.repository.remove(actor.id)))
        throw DomainException.invalidState('No second factor is on');
      await this.audit.record(actor, {
        action: 'user.totpDisabled',
        entityType: 'User',
        entityId: actor.id,
      });
      return true;
    });
  }

  /** An admin removes another user's second factor (lost device); the user enrols again. */
  async resetFor(actor: Actor | null, userId: string): Promise<void> {
    assertCan(actor, 'user.resetSecondFactor', { userId });
    await this.txHost.withTransaction(async () => {
      if (!(await this.users.getById(userId))) throw DomainException.notFound('User', 'userId');
      const wasOn = await this.repository.remove(userId);
      // A lost authenticator may be a stolen one: its holder's sessions end too.
      const ended = await this.sessions.endAllForUser(userId, {
        reason: SessionEndReason.MFA_CHANGED,
        actor,
      });
      await this.audit.record(actor, {
        action: 'user.totpReset',
        entityType: 'User',
        entityId: userId,
        details: { wasOn, sessionsEnded: ended },
      });
    });
  }

  /** Boot-time (the demo user): a second factor already on with a known secret; audited as the system. */
  async provision(userId: string, secretBase32: string): Promise<void> {
    await this.txHost.withTransaction(async () => {
      await this.repository.savePending(userId, this.box.seal(secretBase32, userId));
      await this.repository.enable(userId, new Date());
      await this.audit.record(null, {
        action: 'user.totpEnabled',
        entityType: 'User',
        entityId: userId,
        details: { recoveryCodes: 0 },
      });
    });
  }

  /**
   * At login, after the password matched: passes when no second factor is on, or when `code`
   * is a valid unused TOTP code or an unused recovery code; MFA_REQUIRED otherwise.
   */
  async checkAtLogin(actor: Actor, code: string | null | undefined): Promise<void> {
    const credential = await this.repository.getCredential(actor.id);
    if (!credential?.enabledAt) return;
    const typed = code?.trim();
    if (!typed) throw DomainException.mfaRequired(ASK_FOR_CODE);
    if (/^\d+$/.test(typed)) {
      const secret = this.box.open(credential.sealedSecret, actor.id);
      if (secret === null)
        this.logger.error(
          `The TOTP secret of user ${actor.id} cannot be decrypted (was JWT_SECRET changed?)`,
        );
      const step = secret === null ? null : matchingStep(secret, typed);
      if (step !== null && (await this.repository.claimStep(actor.id, step))) return;
      throw DomainException.mfaRequired(WRONG_CODE);
    }
    const recovery = normalizeRecoveryCode(typed);
    if (recovery && (await this.useRecoveryCode(actor, recovery))) return;
    throw DomainException.mfaRequired(WRONG_CODE);
  }

  private useRecoveryCode(actor: Actor, normalized: string): Promise<boolean> {
    return this.txHost.withTransaction(async () => {
      if (
        !(await this.repository.useRecoveryCode(actor.id, hashRecoveryCode(normalized), new Date()))
      )
        return false;
      const remaining = await this.repository.countUnusedRecoveryCodes(actor.id);
      await this.audit.record(actor, {
        action: 'user.recoveryCodeUsed',
        entityType: 'User',
        entityId: actor.id,
        details: { remaining },
      });
      return true;
    });
  }
}
