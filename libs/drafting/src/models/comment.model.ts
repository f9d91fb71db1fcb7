import { Field, ID, ObjectType } from '@nestjs/graphql';
import { CommentEntity } from '../comment.entity';

/** Scalar fields; author, participant and replies have their own resolver. */
@ObjectType('Comment')
export class CommentModel {
  @Field(() => ID)
  id: string;

  clauseId: string;
  documentId: string;
  authorId: string;
  participantId: string | null;

  @Field(() => ID, { nullable: true, description: 'The comment this one replies to' })
  parentId: string | null;

  @Field()
  body: string;

  @Field(() => Date)
  createdAt: Date;

  @Field()
  resolved: boolean;

  @Field(() => Date, { nullable: true })
  resolvedAt: Date | null;

  static from(entity: CommentEntity): CommentModel {
    return Object.assign(new CommentModel(), {
      id: entity.id,
      clauseId: entity.clauseId,
      documentId: entity.documentId,
      authorId: entity.authorId,
      participantId: entity.participantId,
      parentId: entity.parentId,
      body: entity.body,
      createdAt: entity.createdAt,
      resolved: entity.resolved,
      resolvedAt: entity.resolvedAt,
    });
  }
}
