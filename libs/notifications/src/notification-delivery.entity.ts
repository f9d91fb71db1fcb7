import { NotificationKind } from '@accord/common';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum DeliveryStatus {
  PENDING = 'PENDING',
  SENT = 'SENT',
  FAILED = 'FAILED',
}

/** An attachment kept with the message, or one rendered at delivery (`agenda`). */
export interface StoredAttachment {
  filename: string;
  contentType: string;
  /** UTF-8 text (an .ics); absent for rendered ones. */
  content?: string;
  /** METHOD of an iCalendar attachment (REQUEST, CANCEL): also the part's method. */
  method?: string;
  /** Rendered at delivery from the published agenda, as its recipient may see it. */
  agenda?: { meetingId: string; format: 'ics' | 'pdf' };
}

/**
 * The outbox: one row per email per recipient, written in the transaction of the change that
 * causes it, rendered in the recipient's language at that moment, delivered by a job.
 * `eventKey` + `recipientId` is unique: the same change never mails the same person twice.
 */
@Entity('notification_deliveries')
@Index(['recipientId', 'createdAt'])
@Index(['meetingId'])
@Index(['documentId'])
@Index(['eventKey', 'recipientId'], { unique: true })
export class NotificationDeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: NotificationKind, enumName: 'notification_kind' })
  kind: NotificationKind;

  @Column({ type: 'varchar', length: 200 })
  eventKey: string;

  @Column({ type: 'uuid' })
  recipientId: string;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 35 })
  language: string;

  @Column({ type: 'uuid', nullable: true })
  meetingId: string | null;

  @Column({ type: 'uuid', nullable: true })
  documentId: string | null;

  @Column({ type: 'varchar', length: 500 })
  subject: string;

  @Column({ type: 'text' })
  textBody: string;

  @Column({ type: 'text' })
  htmlBody: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  attachments: StoredAttachment[];

  /** Part of the user's next digest rather than an email of its own. */
  @Column({ type: 'boolean', default: false })
  digest: boolean;

  @Column({
    type: 'enum',
    enum: DeliveryStatus,
    enumName: 'delivery_status',
    default: DeliveryStatus.PENDING,
  })
  status: DeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  lastError: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
