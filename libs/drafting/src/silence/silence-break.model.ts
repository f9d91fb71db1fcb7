import { Field, ObjectType } from '@nestjs/graphql';
import { SilenceBreakEntity } from './silence-break.entity';

/** Scalar fields; participant has its own resolver. */
@ObjectType('SilenceBreak')
export class SilenceBreakModel {
  participantId: string;

  @Field(() => Date)
  brokenAt: Date;

  @Field()
  reason: string;

  static from(entity: SilenceBreakEntity): SilenceBreakModel {
    const model = new SilenceBreakModel();
    model.participantId = entity.participantId;
    model.brokenAt = entity.brokenAt;
    model.reason = entity.reason;
    return model;
  }
}
