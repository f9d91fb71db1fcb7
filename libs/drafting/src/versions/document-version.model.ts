import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DocumentVersionEntity } from './document-version.entity';

/** Scalar fields; createdBy has its own resolver. */
@ObjectType('DocumentVersion')
export class DocumentVersionModel {
  @Field(() => Int)
  number: number;

  @Field(() => Date)
  createdAt: Date;

  createdById: string | null;
  /**
   * Whether the caller may know who made this version (a User: email, name, role): those who
   * may read the negotiation record. Off unless the reader of the version says so.
   */
  authorVisible: boolean;

  @Field()
  reason: string;

  @Field({ description: 'SHA-256 hex of the canonical text' })
  hash: string;

  @Field({ description: 'Canonical text of the whole document' })
  text: string;

  static from(entity: DocumentVersionEntity, authorVisible = false): DocumentVersionModel {
    return Object.assign(new DocumentVersionModel(), {
      authorVisible,
      number: entity.number,
      createdAt: entity.createdAt,
      createdById: entity.createdById,
      reason: entity.reason,
      hash: entity.hash,
      text: entity.text,
    });
  }
}
