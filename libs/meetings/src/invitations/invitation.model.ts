import { Field, ObjectType } from '@nestjs/graphql';
import { InvitationStatus } from '@accord/common';
import { InvitationEntity } from './invitation.entity';

/** A participant's invitation to a meeting; participant and meeting are resolved through loaders. */
@ObjectType('Invitation')
export class InvitationModel {
  meetingId: string;
  participantId: string;

  @Field(() => InvitationStatus)
  status: InvitationStatus;

  @Field(() => Date, { nullable: true, description: 'When the head of delegation answered' })
  respondedAt: Date | null;

  static from(entity: InvitationEntity): InvitationModel {
    return Object.assign(new InvitationModel(), {
      meetingId: entity.meetingId,
      participantId: entity.participantId,
      status: entity.status,
      respondedAt: entity.respondedAt,
    });
  }
}
