import { Injectable } from '@nestjs/common';
import { groupByKeys, LoaderFactory } from '@accord/common';
import DataLoader from 'dataloader';
import { CommentEntity } from './comment.entity';
import { CommentsRepository } from './comments.repository';

/** Thread starters per clause; replies come from RepliesByCommentLoader. */
export type CommentsByClauseLoaderInstance = DataLoader<string, CommentEntity[]>;

@Injectable()
export class CommentsByClauseLoader implements LoaderFactory<CommentsByClauseLoaderInstance> {
  constructor(private readonly comments: CommentsRepository) {}

  create(): CommentsByClauseLoaderInstance {
    return new DataLoader(async (ids) =>
      groupByKeys(ids, await this.comments.topLevelOf(ids), (c) => c.clauseId),
    );
  }
}
