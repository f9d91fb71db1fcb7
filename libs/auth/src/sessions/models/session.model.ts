import { Field, ID, ObjectType } from '@nestjs/graphql';
import { SessionEntity } from '../session.entity';

@ObjectType('Session', { description: 'A signed-in device or browser of mine' })
export class SessionModel {
  @Field(() => ID)
  id: string;

  @Field()
  createdAt: Date;

  @Field()
  lastUsedAt: Date;

  @Field({ description: 'When its refresh token expires unless refreshed before' })
  expiresAt: Date;

  @Field(() => String, { nullable: true })
  userAgent: string | null;

  @Field(() => String, { nullable: true })
  ipAddress: string | null;

  @Field({ description: 'The session this request was made with' })
  current: boolean;

  static from(entity: SessionEntity, currentSessionId: string | undefined): SessionModel {
    return Object.assign(new SessionModel(), {
      id: entity.id,
      createdAt: entity.createdAt,
      lastUsedAt: entity.lastUsedAt,
      expiresAt: entity.expiresAt,
      userAgent: entity.userAgent,
      ipAddress: entity.ipAddress,
      current: entity.id === currentSessionId,
    });
  }
}
