import { Field, ID, ObjectType } from '@nestjs/graphql';
import { SilenceProcedureEntity } from './silence-procedure.entity';
import { SilenceStatus } from './silence-status';

/** Scalar fields; document, startedBy and breaks have their own resolver. */
@ObjectType('SilenceProcedure')
export class SilenceProcedureModel {
  @Field(() => ID)
  id: string;

  documentId: string;
  startedById: string | null;

  @Field(() => SilenceStatus)
  status: SilenceStatus;

  @Field(() => Date)
  startedAt: Date;

  @Field(() => Date, { description: 'Adopted at this moment unless silence is broken before it' })
  deadline: Date;

  @Field({ description: 'The IANA time zone the deadline was announced in' })
  timezone: string;

  @Field(() => Date, {
    nullable: true,
    description: 'When it ended: the deadline when CONCLUDED, the break or cancellation otherwise',
  })
  concludedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was CANCELLED' })
  cancelReason: string | null;

  static from(entity: SilenceProcedureEntity): SilenceProcedureModel {
    const model = new SilenceProcedureModel();
    model.id = entity.id;
    model.documentId = entity.documentId;
    model.startedById = entity.startedById;
    model.status = entity.status;
    model.startedAt = entity.startedAt;
    model.deadline = entity.deadline;
    model.timezone = entity.timezone;
    model.concludedAt = entity.concludedAt;
    model.cancelReason = entity.cancelReason;
    return model;
  }
}
