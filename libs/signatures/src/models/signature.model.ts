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
    return Object.assign(new SignatureModel(), {
      id: entity.id,
      documentId: entity.documentId,
      participantId: entity.participantId,
      signedById: entity.signedById,
      recordedById: entity.recordedById,
      meetingId: entity.meetingId,
      signedAt: entity.signedAt,
      textHash: entity.textHash,
      statement: entity.statement,
      withdrawnAt: entity.withdrawnAt,
      withdrawalReason: entity.withdrawalReason,
    });
  }
}
