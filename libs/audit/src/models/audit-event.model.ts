import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { AuditEventEntity } from '../audit-event.entity';

@ObjectType('AuditEvent')
export class AuditEventModel {
  @Field(() => ID)
  id: string;

  @Field()
  at: Date;

  actorId: string | null;

  @Field()
  action: string;

  @Field()
  entityType: string;

  @Field(() => String, { nullable: true })
  entityId: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The delegation the actor acted for, if any',
  })
  participantId: string | null;

  @Field()
  hash: string;

  @Field(() => String, { nullable: true })
  prevHash: string | null;

  static from(entity: AuditEventEntity): AuditEventModel {
    return Object.assign(new AuditEventModel(), entity);
  }
}

@ObjectType('AuditVerification')
export class AuditVerificationModel {
  @Field()
  ok: boolean;

  @Field(() => Int)
  checked: number;

  @Field(() => ID, { nullable: true })
  firstBrokenId: string | null;
}
