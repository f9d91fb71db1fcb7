import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import {
  APP_CONFIG,
  AppConfig,
  NotificationKind,
  TransactionHost,
  TypeOrmAdapter,
} from '@accord/common';
import { JobsService } from '@accord/jobs';
import { AgendaDownloadsService } from '@accord/meetings';
import { can } from '@accord/policy';
import { join } from 'node:path';
import type Mail from 'nodemailer/lib/mailer';
import { mailboxTransport, MailTransport, smtpTransport } from './mail-transport';
import { NotificationDeliveryEntity, StoredAttachment } from './notification-delivery.entity';
import { NotificationsRepository } from './notifications.repository';
import { DELIVER_QUEUE, DIGEST_QUEUE, enqueueDeliveries } from './queues';
import { mailLanguage, TemplateRenderer } from './template-renderer';
import { unsubscribeUrl } from './unsubscribe-token';

/** What one attempt ended in: the error is thrown after the transaction, for the queue to retry. */
type Outcome = { retry: Error } | null;

const NO_LONGER_RECIPIENT =
  'Not sent: the recipient was disabled or may no longer read the document since it was written';

/**
 * The outbox's worker. Each delivery job locks its row (FOR UPDATE SKIP LOCKED, status PENDING),
 * sends, and marks it SENT in one transaction: another instance holding the same row skips it,
 * a row already SENT is not sent again. A failure counts an attempt and rethrows, so the job
 * queue retries with exponential backoff; after MAIL_MAX_ATTEMPTS the row is FAILED (the dead
 * letter the secretariat sees in notificationDeliveries).
 */
@Injectable()
export class DeliveryService
  implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly logger = new Logger('Notifications');
  readonly transport: MailTransport;
  private readonly renderer = new TemplateRenderer();

  constructor(
    private readonly repository: NotificationsRepository,
    private readonly jobs: JobsService,
    private readonly agendas: AgendaDownloadsService,
    private readonly txHost: TransactionHost<TypeOrmAdapter>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.transport = config.mail.smtpUrl
      ? smtpTransport(config.mail.smtpUrl)
      : mailboxTransport(join(config.dataDir, 'mailbox'));
  }

  onModuleInit(): void {
    const retries = {
      retryLimit: this.config.mail.maxAttempts - 1,
      retryDelaySeconds: this.config.mail.retryDelaySeconds,
      retryBackoff: true,
    };
    this.jobs.register<{ deliveryId: string }>(
      DELIVER_QUEUE,
      (job) => this.deliver(job.data.deliveryId),
      { ...retries, concurrency: 2 },
    );
    this.jobs.register<{ recipientId: string }>(
      DIGEST_QUEUE,
      (job) => this.deliverDigest(job.data.recipientId),
      retries,
    );
    if (this.jobs.workers)
      this.logger.log(`Notification emails go to ${this.transport.description}`);
  }

  /**
   * The outbox is the record: every PENDING row gets its job again (the same singleton key as
   * when it was written, so an existing job is not doubled). A job queue restored from an older
   * backup, or emptied by hand, thus loses no email.
   */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.jobs.workers) return;
    const rows = await this.repository.pendingRows();
    await enqueueDeliveries(this.jobs, rows, this.config.mail.digestIntervalSeconds);
    if (rows.length) this.logger.log(`${rows.length} emails waiting in the outbox`);
  }

  /** After the job queue stopped (beforeApplicationShutdown): no delivery is running any more. */
  onApplicationShutdown(): void {
    this.transport.close();
  }

  /** Sends one outbox row, once. */
  async deliver(deliveryId: string): Promise<void> {
    const outcome = await this.txHost.withTransaction(async (): Promise<Outcome> => {
      const row = await this.repository.lockPending(deliveryId);
      if (!row || row.digest) return null;
      if (!(await this.stillFor([row])).length) {
        await this.repository.markDropped([row.id], NO_LONGER_RECIPIENT);
        return null;
      }
      return this.attempt([row], async () => this.transport.send(await this.message(row)));
    });
    if (outcome) throw outcome.retry;
  }

  /** Sends a user's pending digest items as one email, once. */
  async deliverDigest(recipientId: string): Promise<void> {
    const outcome = await this.txHost.withTransaction(async (): Promise<Outcome> => {
      const locked = await this.repository.lockPendingDigest(recipientId);
      // Items of a kind the user turned off (the unsubscribe link) since they were written.
      const off = new Set<string>();
      for (const kind of new Set(locked.map((row) => row.kind)))
        if ((await this.repository.optedOut([recipientId], kind)).size) off.add(kind);
      const dropped = locked.filter((row) => off.has(row.kind));
      await this.repository.markDropped(
        dropped.map((row) => row.id),
        'Not sent: the recipient turned these emails off',
      );
      const wanted = locked.filter((row) => !off.has(row.kind));
      const rows = await this.stillFor(wanted);
      await this.repository.markDropped(
        wanted.filter((row) => !rows.includes(row)).map((row) => row.id),
        NO_LONGER_RECIPIENT,
      );
      if (!rows.length) return null;
      return this.attempt(rows, async () => this.transport.send(await this.digestMessage(rows)));
    });
    if (outcome) throw outcome.retry;
  }

  /**
   * The rows whose recipient may still receive them: rendered when the change was made, they are
   * sent later (a digest up to an hour later), and a user disabled or removed from their delegation
   * meanwhile must not be told of a draft they may no longer read.
   */
  private async stillFor(
    rows: NotificationDeliveryEntity[],
  ): Promise<NotificationDeliveryEntity[]> {
    if (!rows.length) return rows;
    const [recipient] = await this.repository.usersByIds([rows[0].recipientId]);
    if (!recipient) return [];
    const kept: NotificationDeliveryEntity[] = [];
    for (const row of rows) {
      // A delegation's own signature is news to it whatever it may read of the negotiation.
      if (row.documentId && row.kind !== NotificationKind.SIGNATURE_RECORDED) {
        const document = await this.repository.document(row.documentId);
        if (!document || !can(recipient.actor, 'document.readHistory', document)) continue;
      }
      kept.push(row);
    }
    return kept;
  }

  private async attempt(
    rows: NotificationDeliveryEntity[],
    send: () => Promise<void>,
  ): Promise<Outcome> {
    const ids = rows.map((row) => row.id);
    try {
      await send();
      await this.repository.markSent(ids, new Date());
      return null;
    } catch (error) {
      const message = (error as Error).message || String(error);
      const final =
        Math.max(...rows.map((row) => row.attempts)) + 1 >= this.config.mail.maxAttempts;
      await this.repository.markFailedAttempt(ids, message, final);
      if (final) {
        this.logger.error(
          `Email ${ids.join(', ')} FAILED after ${this.config.mail.maxAttempts} attempts: ${message}`,
        );
        return null;
      }
      return { retry: error instanceof Error ? error : new Error(message) };
    }
  }

  private async message(row: NotificationDeliveryEntity): Promise<Mail.Options> {
    const attachments: Mail.Attachment[] = [];
    let icalEvent: Mail.Options['icalEvent'];
    for (const attachment of row.attachments) {
      if (attachment.method) {
        // The invitation itself: also the text/calendar alternative that calendar clients act on.
        icalEvent = {
          method: attachment.method,
          filename: attachment.filename,
          content: attachment.content,
        };
        continue;
      }
      attachments.push(await this.attachment(row, attachment));
    }
    return {
      from: this.config.mail.from,
      to: { name: '', address: row.email },
      subject: row.subject,
      text: row.textBody,
      html: row.htmlBody,
      messageId: `<${row.id}@accord>`,
      headers: { 'X-Accord-Notification': row.kind },
      attachments,
      icalEvent,
    };
  }

  private async attachment(
    row: NotificationDeliveryEntity,
    stored: StoredAttachment,
  ): Promise<Mail.Attachment> {
    if (!stored.agenda)
      return {
        filename: stored.filename,
        contentType: stored.contentType,
        content: stored.content,
      };
    // Rendered as its recipient may see it: a draft they may not read is not named in it.
    const [recipient] = await this.repository.usersByIds([row.recipientId]);
    const file = await this.agendas.download(
      recipient?.actor ?? null,
      stored.agenda.meetingId,
      stored.agenda.format,
    );
    return { filename: stored.filename, contentType: file.contentType, content: file.body };
  }

  private async digestMessage(rows: NotificationDeliveryEntity[]): Promise<Mail.Options> {
    const first = rows[0];
    const [recipient] = await this.repository.usersByIds([first.recipientId]);
    const url = unsubscribeUrl(this.config, first.recipientId);
    const rendered = this.renderer.render('DIGEST', mailLanguage(first.language), {
      recipient: { name: recipient?.actor.displayName ?? first.email },
      count: rows.length,
      plural: rows.length > 1,
      items: rows.map((row) => ({ subject: row.subject, text: row.textBody.trim() })),
      unsubscribeUrl: url,
    });
    return {
      from: this.config.mail.from,
      to: first.email,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      messageId: `<digest-${first.id}@accord>`,
      // RFC 8058 one-click: mail clients POST "List-Unsubscribe=One-Click" to the URL.
      headers: {
        'X-Accord-Notification': 'DIGEST',
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
      list: { unsubscribe: url },
    };
  }
}
