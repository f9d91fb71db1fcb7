import { Field, ID, ObjectType } from '@nestjs/graphql';
import { SignatureEntity } from '../signature.entity';

/** Scalar fields; document, participant, signedBy, recordedBy and meeting go through DataLoaders. */
@ObjectType('Signature')
export class SignatureModel {
  @Field(() => ID)
  id: string;

  documentId: string;
  participantId: string;
  signedById: string | null;
  recordedById: string | null;
  meetingId: string | null;

  @Field(() => Date)
  signedAt: Date;

  @Field({ description: 'SHA-256 of the canonical text signed: the document’s adoptedHash' })
  textHash: string;

  @Field(() => String, { nullable: true, description: 'An interpretive declaration, if any' })
  statement: string | null;

  @Field(() => Date, { nullable: true })
  withdrawnAt: Date | null;

  @Field(() => String, { nullable: true })
  withdrawalReason: string | null;

  static from(entity: SignatureEntity): SignatureModel {
    const model = new SignatureModel();
    model.id = entity.id;
    model.documentId = entity.documentId;
    model.participantId = entity.participantId;
    model.signedById = entity.signedById;
    model.recordedById = entity.recordedById;
    model.meetingId = entity.meetingId;
    model.signedAt = entity.signedAt;
    model.textHash = entity.textHash;
    model.statement = entity.statement;
    model.withdrawnAt = entity.withdrawnAt;
    model.withdrawalReason = entity.withdrawalReason;
    return model;
  }
}
