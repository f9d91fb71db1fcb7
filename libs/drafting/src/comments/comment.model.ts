import { Field, ID, ObjectType } from '@nestjs/graphql';
import { CommentEntity } from './comment.entity';

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
    const model = new CommentModel();
    model.id = entity.id;
    model.clauseId = entity.clauseId;
    model.documentId = entity.documentId;
    model.authorId = entity.authorId;
    model.participantId = entity.participantId;
    model.parentId = entity.parentId;
    model.body = entity.body;
    model.createdAt = entity.createdAt;
    model.resolved = entity.resolved;
    model.resolvedAt = entity.resolvedAt;
    return model;
  }
}
