import { Field, ID, ObjectType } from '@nestjs/graphql';
import { StatementKind } from './statement-kind';
import { StatementEntity } from './statement.entity';

/** Scalar fields; document, participant, clauses, inResponseTo and madeBy have their resolver. */
@ObjectType('Statement')
export class StatementModel {
  @Field(() => ID)
  id: string;

  documentId: string;
  participantId: string;
  clauseIds: string[];
  inResponseToId: string | null;
  madeById: string;

  @Field(() => StatementKind)
  kind: StatementKind;

  @Field()
  text: string;

  @Field(() => Date)
  madeAt: Date;

  @Field(() => Date, { nullable: true, description: 'Withdrawn statements are kept, marked' })
  withdrawnAt: Date | null;

  static from(entity: StatementEntity): StatementModel {
    const model = new StatementModel();
    model.id = entity.id;
    model.documentId = entity.documentId;
    model.participantId = entity.participantId;
    model.clauseIds = entity.clauseIds;
    model.inResponseToId = entity.inResponseToId;
    model.madeById = entity.madeById;
    model.kind = entity.kind;
    model.text = entity.text;
    model.madeAt = entity.madeAt;
    model.withdrawnAt = entity.withdrawnAt;
    return model;
  }
}
