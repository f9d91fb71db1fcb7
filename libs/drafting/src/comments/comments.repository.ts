import { Injectable } from '@nestjs/common';
import { plainRows, TransactionHost, TypeOrmAdapter } from '@accord/common';
import { CommentEntity } from './comment.entity';

export type NewComment = Pick<
  CommentEntity,
  'clauseId' | 'documentId' | 'parentId' | 'authorId' | 'participantId' | 'body'
>;

/** Every column of CommentEntity, for the plain-row reads. */
const COMMENT_COLUMNS = `c.id, c."clauseId", c."documentId", c."parentId", c."authorId",
  c."participantId", c.body, c.resolved, c."resolvedAt", c."resolvedById", c."createdAt"`;

@Injectable()
export class CommentsRepository {
  constructor(private readonly txHost: TransactionHost<TypeOrmAdapter>) {}

  private get comments() {
    return this.txHost.tx.getRepository(CommentEntity);
  }

  getById(id: string): Promise<CommentEntity | null> {
    return this.comments.findOneBy({ id });
  }

  create(comment: NewComment): Promise<CommentEntity> {
    return this.comments.save(this.comments.create(comment));
  }

  async resolve(id: string, resolvedById: string): Promise<CommentEntity> {
    await this.comments.update({ id }, { resolved: true, resolvedAt: new Date(), resolvedById });
    return this.comments.findOneByOrFail({ id });
  }

  /** Thread starters only: replies hang under their parent. */
  topLevelOf(clauseIds: readonly string[]): Promise<CommentEntity[]> {
    return plainRows(
      this.txHost.tx,
      `SELECT ${COMMENT_COLUMNS} FROM comments c
       WHERE c."clauseId" = ANY($1) AND c."parentId" IS NULL ORDER BY c."createdAt", c.id`,
      [clauseIds],
    );
  }

  repliesTo(parentIds: readonly string[]): Promise<CommentEntity[]> {
    return plainRows(
      this.txHost.tx,
      `SELECT ${COMMENT_COLUMNS} FROM comments c WHERE c."parentId" = ANY($1)
       ORDER BY c."createdAt", c.id`,
      [parentIds],
    );
  }
}
