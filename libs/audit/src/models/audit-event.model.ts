import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AuditChainProblem } from '../audit-chain-verifier';
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

  @Field({
    description:
      'The hash chain this event belongs to: `document:<id>`, `meeting:<id>`, `participant:<id>`, `user:<id>` or `platform`',
  })
  stream: string;

  @Field({ description: 'Place of the event in its stream, from 1' })
  seq: string;

  @Field()
  hash: string;

  @Field(() => String, {
    nullable: true,
    description: 'Hash of the previous event of the same stream; null for its first event',
  })
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

  @Field(() => AuditChainProblem, { nullable: true, description: 'What is wrong; null when ok' })
  problem: AuditChainProblem | null;

  @Field(() => String, { nullable: true, description: 'The problem in a sentence, for a person' })
  detail: string | null;

  @Field(() => Int, { description: 'Signed checkpoints found to match the chain' })
  checkpointsChecked: number;

  @Field(() => ID, {
    nullable: true,
    description: 'The newest event a valid signed checkpoint vouches for',
  })
  lastCheckpointEventId: string | null;
}

registerEnumType(AuditChainProblem, {
  name: 'AuditChainProblem',
  description: 'Why verifyAuditChain failed',
});
