import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { AmendmentKind, AmendmentStatus, ClauseKind } from '@accord/common';
import { AmendmentEntity } from './amendment.entity';

/** Scalar fields; document, clause, proposer, proposedBy and cosponsors have their own resolver. */
@ObjectType('Amendment')
export class AmendmentModel {
  @Field(() => ID)
  id: string;

  documentId: string;
  clauseId: string;
  proposerId: string;
  proposedById: string;

  @Field(() => AmendmentKind)
  kind: AmendmentKind;

  @Field(() => String, { nullable: true })
  text: string | null;

  @Field(() => ClauseKind, {
    nullable: true,
    description: 'INSERT_AFTER: the kind of the clause it adds',
  })
  clauseKind: ClauseKind | null;

  @Field(() => String, { nullable: true })
  rationale: string | null;

  @Field(() => AmendmentStatus)
  status: AmendmentStatus;

  @Field(() => Int, {
    description: 'The clause version this proposal was made (or last re-based) on',
  })
  baseClauseVersion: number;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  @Field(() => String, { nullable: true })
  decisionNote: string | null;

  static from(entity: AmendmentEntity): AmendmentModel {
    const model = new AmendmentModel();
    model.id = entity.id;
    model.documentId = entity.documentId;
    model.clauseId = entity.clauseId;
    model.proposerId = entity.proposerId;
    model.proposedById = entity.proposedById;
    model.kind = entity.kind;
    model.text = entity.text;
    model.clauseKind = entity.clauseKind;
    model.rationale = entity.rationale;
    model.status = entity.status;
    model.baseClauseVersion = entity.baseClauseVersion;
    model.createdAt = entity.createdAt;
    model.decidedAt = entity.decidedAt;
    model.decisionNote = entity.decisionNote;
    return model;
  }
}
