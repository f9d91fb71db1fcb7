import { Field, ID, ObjectType } from '@nestjs/graphql';
import { MeetingStatus } from '@accord/common';
import { MeetingEntity } from './meeting.entity';

/**
 * Scalar fields of a meeting, public to everyone; hosts, invitations, action items, agenda and
 * the neighbouring meetings are resolved by their own resolvers (through DataLoaders).
 */
@ObjectType('Meeting')
export class MeetingModel {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field()
  city: string;

  @Field(() => String, { nullable: true })
  venue: string | null;

  @Field({ description: 'IANA time zone, e.g. Europe/Paris' })
  timezone: string;

  @Field(() => Date)
  startsAt: Date;

  @Field(() => Date)
  endsAt: Date;

  @Field(() => MeetingStatus)
  status: MeetingStatus;

  previousMeetingId: string | null;

  static from(entity: MeetingEntity): MeetingModel {
    return Object.assign(new MeetingModel(), {
      id: entity.id,
      title: entity.title,
      city: entity.city,
      venue: entity.venue,
      timezone: entity.timezone,
      startsAt: entity.startsAt,
      endsAt: entity.endsAt,
      status: entity.status,
      previousMeetingId: entity.previousMeetingId,
    });
  }
}
