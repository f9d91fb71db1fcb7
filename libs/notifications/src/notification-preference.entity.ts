import { NotificationKind } from '@accord/common';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A user's choice for one kind; no row: emails on. */
@Entity('notification_preferences')
export class NotificationPreferenceEntity {
  @PrimaryColumn('uuid')
  userId: string;

  @PrimaryColumn({ type: 'enum', enum: NotificationKind, enumName: 'notification_kind' })
  kind: NotificationKind;

  @Column({ type: 'boolean' })
  email: boolean;
}
