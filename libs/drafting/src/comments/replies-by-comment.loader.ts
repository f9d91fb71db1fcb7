import { Injectable } from '@nestjs/common';
import { groupByKeys, LoaderFactory } from '@accord/common';
import DataLoader from 'dataloader';
import { CommentEntity } from './comment.entity';
import { CommentsRepository } from './comments.repository';

export type RepliesByCommentLoaderInstance = DataLoader<string, CommentEntity[]>;

@Injectable()
export class RepliesByCommentLoader implements LoaderFactory<RepliesByCommentLoaderInstance> {
  constructor(private readonly comments: CommentsRepository) {}

  create(): RepliesByCommentLoaderInstance {
    return new DataLoader(async (ids) =>
      groupByKeys(ids, await this.comments.repliesTo(ids), (c) => c.parentId!),
    );
  }
}
