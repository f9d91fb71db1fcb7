import { Injectable } from '@nestjs/common';
import {
  Actor,
  DomainException,
  NotificationKind,
  TransactionHost,
  TypeOrmAdapter,
  requireTimezone,
} from '@accord/common';
import { AuditService } from '@accord/audit';
import { assertCan } from '@accord/policy';
import {
  NotificationDeliveryModel,
  NotificationPreferenceModel,
} from './models/notification.models';
import { NotificationsRepository } from './notifications.repository';
import { NotificationDeliveriesArgs } from './dto/notification-deliveries.args';

const LANGUAGES = ['en', 'fr'];

/** A user's notification preferences and language; the secretariat's view of deliveries. */
@Injectable()
export class PreferencesService {
  constructor(
    private readonly repository: NotificationsRepository,
    private readonly audit: AuditService,
    private readonly txHost: TransactionHost<TypeOrmAdapter>,
  ) {}

  /** Every kind, on unless turned off. */
  async preferences(actor: Actor | null): Promise<NotificationPreferenceModel[]> {
    assertCan(actor, 'notification.preferences', {});
    const off = new Set(
      (await this.repository.preferencesOf(actor!.id)).filter((p) => !p.email).map((p) => p.kind),
    );
    return Object.values(NotificationKind).map((kind) => ({
      kind,
      email: kind === NotificationKind.ACCOUNT || !off.has(kind),
    }));
  }

  async setPreferences(
    actor: Actor | null,
    preferences: { kind: NotificationKind; email: boolean }[],
  ): Promise<NotificationPreferenceModel[]> {
    assertCan(actor, 'notification.preferences', {});
    if (preferences.some((p) => p.kind === NotificationKind.ACCOUNT && !p.email))
      throw DomainException.badInput(
        'preferences',
        'ACCOUNT emails (password reset, account invitation) cannot be turned off',
      );
    const twice = preferences.find((p, i) => preferences.findIndex((q) => q.kind === p.kind) !== i);
    if (twice)
      throw DomainException.badInput('preferences', `preferences names ${twice.kind} twice`);
    await this.txHost.withTransaction(async () => {
      await this.repository.savePreferences(
        preferences.map((p) => ({ userId: actor!.id, kind: p.kind, email: p.email })),
      );
      await this.audit.record(actor, {
        action: 'notification.preferencesChanged',
        entityType: 'User',
        entityId: actor!.id,
        details: { preferences },
      });
    });
    return this.preferences(actor);
  }

  /** From the one-click unsubscribe link of a digest: the digest kinds off. */
  async unsubscribeDigest(userId: string): Promise<void> {
    await this.txHost.withTransaction(async () => {
      await this.repository.savePreferences(
        [NotificationKind.AMENDMENT_PROPOSED, NotificationKind.COMMENT_REPLY].map((kind) => ({
          userId,
          kind,
          email: false,
        })),
      );
      await this.audit.record(null, {
        action: 'notification.unsubscribed',
        entityType: 'User',
        entityId: userId,
        details: { kinds: ['AMENDMENT_PROPOSED', 'COMMENT_REPLY'] },
      });
    });
  }

  async setLanguage(actor: Actor | null, language: string): Promise<void> {
    assertCan(actor, 'notification.preferences', {});
    const code = language.trim().toLowerCase();
    if (!LANGUAGES.includes(code))
      throw DomainException.badInput('language', `language must be one of ${LANGUAGES.join(', ')}`);
    await this.txHost.withTransaction(async () => {
      await this.repository.setLanguage(actor!.id, code);
      await this.audit.record(actor, {
        action: 'user.languageChanged',
        entityType: 'User',
        entityId: actor!.id,
        details: { language: code },
      });
    });
  }

  /** The caller's own time zone for the times in their emails (IANA), or null for UTC. */
  async setTimezone(actor: Actor | null, timezone: string | null): Promise<string | null> {
    assertCan(actor, 'notification.preferences', {});
    const zone = timezone === null || timezone.trim() === '' ? null : requireTimezone(timezone);
    await this.txHost.withTransaction(async () => {
      await this.repository.setTimezone(actor!.id, zone);
      await this.audit.record(actor, {
        action: 'user.timezoneChanged',
        entityType: 'User',
        entityId: actor!.id,
        details: { timezone: zone },
      });
    });
    return zone;
  }

  async deliveries(
    actor: Actor | null,
    args: NotificationDeliveriesArgs,
  ): Promise<NotificationDeliveryModel[]> {
    assertCan(actor, 'notification.deliveries', {});
    const rows = await this.repository.list({
      first: args.first,
      after: args.after ?? undefined,
      meetingId: args.meetingId ?? undefined,
      documentId: args.documentId ?? undefined,
      recipientId: args.recipientId ?? undefined,
    });
    return rows.map((row) => NotificationDeliveryModel.from(row));
  }
}
