import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { NotificationKind } from '@accord/common';
import { IsBoolean, IsEnum } from 'class-validator';
import { DeliveryStatus, NotificationDeliveryEntity } from '../notification-delivery.entity';

registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description: 'What an email is about (AMENDMENT_PROPOSED and COMMENT_REPLY come as a digest)',
});
registerEnumType(DeliveryStatus, {
  name: 'DeliveryStatus',
  description: 'PENDING: waiting or being retried; FAILED: given up after MAIL_MAX_ATTEMPTS',
});

@ObjectType('NotificationPreference')
export class NotificationPreferenceModel {
  @Field(() => NotificationKind)
  kind: NotificationKind;

  @Field({ description: 'Whether emails of this kind are sent (ACCOUNT always are)' })
  email: boolean;
}

@InputType('NotificationPreferenceInput')
export class NotificationPreferenceInput {
  @Field(() => NotificationKind)
  @IsEnum(NotificationKind)
  kind: NotificationKind;

  @Field()
  @IsBoolean()
  email: boolean;
}

@ObjectType('NotificationDelivery')
export class NotificationDeliveryModel {
  @Field(() => ID)
  id: string;

  @Field(() => NotificationKind)
  kind: NotificationKind;

  recipientId: string;

  @Field()
  subject: string;

  @Field(() => DeliveryStatus)
  status: DeliveryStatus;

  @Field(() => Int)
  attempts: number;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  sentAt: Date | null;

  @Field(() => String, { nullable: true, description: 'The last refusal of the mail server' })
  lastError: string | null;

  static from(entity: NotificationDeliveryEntity): NotificationDeliveryModel {
    return Object.assign(new NotificationDeliveryModel(), {
      id: entity.id,
      kind: entity.kind,
      recipientId: entity.recipientId,
      subject: entity.subject,
      status: entity.status,
      attempts: entity.attempts,
      createdAt: entity.createdAt,
      sentAt: entity.sentAt,
      lastError: entity.lastError,
    });
  }
}
