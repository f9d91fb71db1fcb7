import { Inject, Injectable } from '@nestjs/common';
import {
  Actor,
  DomainException,
  NOTIFIER,
  Notifier,
  TEXT_LIMITS,
  TransactionHost,
  TypeOrmAdapter,
} from '@accord/common';
import { AuditService } from '@accord/audit';
import { CommentEntity } from './comment.entity';
import { CommentsRepository } from './comments.repository';
import { DocumentEvents } from '../shared/document-events';
import { DraftLocks } from '../shared/draft-locks.service';
import { assertAllowedOnDocument } from '../shared/drafting-access';
import { found } from '../shared/found';

/** Threaded comments on clauses, while the text is worked on. */
@Injectable()
export class CommentsService {
  constructor(
    private readonly locks: DraftLocks,
    private readonly comments: CommentsRepository,
    private readonly audit: AuditService,
    private readonly events: DocumentEvents,
    private readonly txHost: TransactionHost<TypeOrmAdapter>,
    @Inject(NOTIFIER) private readonly notifier: Notifier,
  ) {}

  async add(
    actor: Actor | null,
    clauseId: string,
    rawBody: string,
    parentId: string | null | undefined,
  ): Promise<CommentEntity> {
    const body = rawBody.trim();
    if (!body) throw DomainException.badInput('body', 'body must not be empty');
    if (body.length > TEXT_LIMITS.comment) {
      throw DomainException.badInput(
        'body',
        `body must be at most ${TEXT_LIMITS.comment} characters`,
      );
    }
    const comment = await this.txHost.withTransaction(async () => {
      const { document, clause } = await this.locks.clause(clauseId, 'clauseId', {
        whileSilent: true,
      });
      assertAllowedOnDocument(actor, 'comment.add', document);
      if (parentId) {
        const parent = found(await this.comments.getById(parentId), 'Comment', 'parentId');
        if (parent.clauseId !== clause.id) {
          throw DomainException.badInput('parentId', 'parentId is a comment on another clause');
        }
      }
      const comment = await this.comments.create({
        clauseId: clause.id,
        documentId: document.id,
        parentId: parentId ?? null,
        authorId: actor!.id,
        participantId: actor!.membership?.participantId ?? null,
        body,
      });
      await this.audit.record(actor, {
        action: 'comment.added',
        entityType: 'Comment',
        entityId: comment.id,
        details: { documentId: document.id, clauseId: clause.id, parentId: comment.parentId },
      });
      if (comment.parentId) await this.notifier.commentReplied(comment.id);
      return comment;
    });
    await this.events.changed(comment.documentId);
    return comment;
  }

  async resolve(actor: Actor | null, commentId: string): Promise<CommentEntity> {
    const before = found(await this.comments.getById(commentId), 'Comment', 'commentId');
    const resolved = await this.txHost.withTransaction(async () => {
      const document = await this.locks.document(before.documentId, 'documentId', {
        whileSilent: true,
      });
      const comment = found(await this.comments.getById(commentId), 'Comment', 'commentId');
      assertAllowedOnDocument(actor, 'comment.resolve', {
        ...document,
        authorId: comment.authorId,
      });
      if (comment.resolved) throw DomainException.invalidState('This comment is already resolved');
      const resolved = await this.comments.resolve(comment.id, actor!.id);
      await this.audit.record(actor, {
        action: 'comment.resolved',
        entityType: 'Comment',
        entityId: comment.id,
        details: { documentId: document.id },
      });
      return resolved;
    });
    await this.events.changed(resolved.documentId);
    return resolved;
  }
}
