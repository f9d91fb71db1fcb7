import { Inject, Injectable } from '@nestjs/common';
import {
  APP_CONFIG,
  AppConfig,
  DelegationRole,
  DIGEST_KINDS,
  MeetingChange,
  NotificationKind,
  Notifier,
} from '@accord/common';
import { JobsService } from '@accord/jobs';
import { can } from '@accord/policy';
import { randomUUID } from 'node:crypto';
import { meetingCalendar } from './meeting-calendar';
import { StoredAttachment } from './notification-delivery.entity';
import { DocumentRow, NotificationsRepository, Recipient } from './notifications.repository';
import { enqueueDeliveries } from './queues';
import { mailLanguage, TemplateRenderer } from './template-renderer';
import { unsubscribeUrl } from './unsubscribe-token';

const SENDING_ROLES = [DelegationRole.HEAD_OF_DELEGATION, DelegationRole.DELEGATE];

export interface OutboxMessage {
  kind: NotificationKind;
  /** Same key, same recipient: one email (the unique key of the outbox). */
  eventKey: string;
  meetingId?: string | null;
  documentId?: string | null;
  data: Record<string, unknown>;
  attachments?: (recipient: Recipient) => StoredAttachment[];
}

/**
 * Writes notifications to the outbox in the current transaction (the Notifier port the domain
 * libraries call) and sends one delivery job per email in that same transaction. Who receives
 * what is decided here: recipients' preferences, their language, and the policy's visibility
 * rules (a draft's news reaches only those who may read its record).
 */
@Injectable()
export class NotificationsService implements Notifier {
  readonly renderer = new TemplateRenderer();

  constructor(
    private readonly repository: NotificationsRepository,
    private readonly jobs: JobsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async meetingChanged(
    meetingId: string,
    change: MeetingChange,
    participantIds?: readonly string[],
  ): Promise<void> {
    const meeting = await this.repository.meeting(meetingId);
    // Nothing to put in a calendar for a meeting already over (past meetings recorded later).
    if (!meeting || new Date(meeting.endsAt) < new Date()) return;
    const ids = participantIds ?? (await this.repository.invitedParticipantIds(meetingId));
    const recipients = await this.repository.membersOf(ids, SENDING_ROLES);
    const organizer = { name: 'Accord', email: fromAddress(this.config.mail.from) };
    const version = Math.floor(new Date(meeting.updatedAt).getTime() / 1000);
    await this.write(recipients, {
      kind: NotificationKind.MEETING_INVITATION,
      eventKey: `meeting:${meetingId}:${change}:${version}`,
      meetingId,
      data: { meeting, change },
      attachments: (recipient) => {
        const ics = meetingCalendar(meeting, change, organizer, {
          name: recipient.actor.displayName,
          email: recipient.email,
        });
        return [
          {
            filename: change === 'CANCELLED' ? 'cancel.ics' : 'invite.ics',
            contentType: `text/calendar; charset=utf-8; method=${ics.method}`,
            content: ics.content,
            method: ics.method,
          },
        ];
      },
    });
  }

  async agendaPublished(meetingId: string): Promise<void> {
    const meeting = await this.repository.meeting(meetingId);
    if (!meeting) return;
    const ids = await this.repository.invitedParticipantIds(meetingId);
    const recipients = await this.repository.membersOf(ids, [
      ...SENDING_ROLES,
      DelegationRole.OBSERVER,
    ]);
    await this.write(recipients, {
      kind: NotificationKind.AGENDA_PUBLISHED,
      eventKey: `agenda:${meetingId}:${randomUUID()}`,
      meetingId,
      data: { meeting, agendaUrl: `${this.config.publicUrl}/meetings/${meetingId}/agenda.pdf` },
      attachments: () => [
        {
          filename: 'agenda.ics',
          contentType: 'text/calendar; charset=utf-8',
          agenda: { meetingId, format: 'ics' },
        },
        {
          filename: 'agenda.pdf',
          contentType: 'application/pdf',
          agenda: { meetingId, format: 'pdf' },
        },
      ],
    });
  }

  /**
   * For the lifecycle and the silence procedure: `kind` is DOCUMENT_ADOPTED,
   * DOCUMENT_OPEN_FOR_SIGNATURE, SILENCE_STARTED (data: deadline ISO, deadlineTimezone),
   * SILENCE_BROKEN (data: brokenBy, a participant's name) or SILENCE_CONCLUDED.
   */
  async documentChanged(
    kind: NotificationKind,
    documentId: string,
    data: Record<string, unknown> = {},
  ): Promise<void> {
    const document = await this.repository.document(documentId);
    if (!document) return;
    await this.write(await this.documentAudience(document), {
      kind,
      eventKey: `document:${documentId}:${kind}:${randomUUID()}`,
      documentId,
      data: {
        recipientTimezone: 'UTC',
        ...data,
        document,
        documentUrl: `${this.config.publicUrl}/documents/${document.slug}/text.pdf`,
      },
    });
  }

  async signatureRecorded(documentId: string, participantId: string): Promise<void> {
    const document = await this.repository.document(documentId);
    if (!document) return;
    const recipients = await this.repository.membersOf(
      [participantId],
      [...SENDING_ROLES, DelegationRole.OBSERVER],
    );
    await this.write(recipients, {
      kind: NotificationKind.SIGNATURE_RECORDED,
      eventKey: `signature:${documentId}:${participantId}:${randomUUID()}`,
      documentId,
      data: { document, participantName: await this.repository.participantName(participantId) },
    });
  }

  async amendmentProposed(amendmentId: string): Promise<void> {
    const amendment = await this.repository.amendment(amendmentId);
    if (!amendment) return;
    const document = await this.repository.document(amendment.documentId);
    if (!document) return;
    const audience = (await this.documentAudience(document)).filter(
      (r) => r.actor.id !== amendment.proposedById,
    );
    await this.write(audience, {
      kind: NotificationKind.AMENDMENT_PROPOSED,
      eventKey: `amendment:${amendmentId}`,
      documentId: document.id,
      data: {
        document,
        proposerName: await this.repository.participantName(amendment.proposerId),
        clauseNumber: amendment.clausePosition,
        amendmentKind: amendment.kind,
        text: amendment.text,
        rationale: amendment.rationale,
      },
    });
  }

  async commentReplied(commentId: string): Promise<void> {
    const comment = await this.repository.comment(commentId);
    if (!comment?.parentAuthorId || comment.parentAuthorId === comment.authorId) return;
    const document = await this.repository.document(comment.documentId);
    if (!document) return;
    const [author] = await this.repository.usersByIds([comment.authorId]);
    const recipients = (await this.repository.usersByIds([comment.parentAuthorId])).filter((r) =>
      can(r.actor, 'document.readHistory', document),
    );
    await this.write(recipients, {
      kind: NotificationKind.COMMENT_REPLY,
      eventKey: `comment:${commentId}`,
      documentId: document.id,
      data: {
        document,
        authorName: author?.actor.displayName ?? '—',
        body: comment.body.length > 500 ? `${comment.body.slice(0, 500)}…` : comment.body,
      },
    });
  }

  async accountTicket(
    userId: string,
    token: string,
    expiresAt: Date,
    invitation: boolean,
  ): Promise<void> {
    const recipients = await this.repository.usersByIds([userId]);
    await this.write(recipients, {
      kind: NotificationKind.ACCOUNT,
      eventKey: `account:${userId}:${randomUUID()}`,
      data: {
        invitation,
        expiresAt: expiresAt.toISOString(),
        resetUrl: `${this.config.publicUrl}/reset-password#token=${encodeURIComponent(token)}`,
      },
    });
  }

  /**
   * The silence procedure's entry point (and any other document news): the same as
   * documentChanged, named for what it does.
   */
  notifyDocumentAudience(
    kind: NotificationKind,
    documentId: string,
    data: Record<string, unknown> = {},
  ): Promise<void> {
    return this.documentChanged(kind, documentId, data);
  }

  /** Those who may read how the text is negotiated: the secretariat and eligible participants' members. */
  private async documentAudience(document: DocumentRow): Promise<Recipient[]> {
    const candidates = await this.repository.staffAndMembersOfKinds(document.eligibleKinds);
    return candidates.filter((r) => can(r.actor, 'document.readHistory', document));
  }

  /** One outbox row per recipient who wants it, and its job, in the current transaction. */
  async write(recipients: Recipient[], message: OutboxMessage): Promise<void> {
    if (!recipients.length) return;
    const kind = message.kind;
    const optedOut =
      kind === NotificationKind.ACCOUNT
        ? new Set<string>()
        : await this.repository.optedOut(
            recipients.map((r) => r.actor.id),
            kind,
          );
    const digest = DIGEST_KINDS.includes(kind);
    const rows = recipients
      .filter((r) => !optedOut.has(r.actor.id))
      .map((recipient) => {
        const language = mailLanguage(recipient.language);
        const rendered = this.renderer.render(kind, language, {
          ...message.data,
          // Times are also told in the recipient's own zone when they chose one.
          recipientTimezone: recipient.timezone ?? message.data.recipientTimezone ?? 'UTC',
          recipient: {
            name: recipient.actor.displayName,
            participantName: recipient.participantName,
          },
        });
        return {
          kind,
          eventKey: message.eventKey,
          recipientId: recipient.actor.id,
          email: recipient.email,
          language,
          meetingId: message.meetingId ?? null,
          documentId: message.documentId ?? null,
          subject: rendered.subject.slice(0, 500),
          textBody: rendered.text,
          htmlBody: rendered.html,
          attachments: message.attachments?.(recipient) ?? [],
          digest,
        };
      });
    const inserted = await this.repository.insertDeliveries(rows);
    const now = new Date();
    await enqueueDeliveries(
      this.jobs,
      inserted.map((row) => ({ ...row, digest, createdAt: now })),
      this.config.mail.digestIntervalSeconds,
    );
  }

  unsubscribeUrl(userId: string): string {
    return unsubscribeUrl(this.config, userId);
  }
}

/** The bare address of a From such as `Name <a@b>`. */
export function fromAddress(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
}
