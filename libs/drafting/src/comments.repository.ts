import { Injectable } from '@nestjs/common';
import { TransactionHost, TypeOrmAdapter } from '@accord/common';
import { In, IsNull } from 'typeorm';
import { CommentEntity } from './comment.entity';

export type NewComment = Pick<
  CommentEntity,
  'clauseId' | 'documentId' | 'parentId' | 'authorId' | 'participantId' | 'body'
>;

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
    return this.comments.find({
      where: { clauseId: In([...clauseIds]), parentId: IsNull() },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  repliesTo(parentIds: readonly string[]): Promise<CommentEntity[]> {
    return this.comments.find({
      where: { parentId: In([...parentIds]) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }
}
