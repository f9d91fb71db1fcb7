import { Inject } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Args, Resolver, Subscription } from '@nestjs/graphql';
import {
  Actor,
  CurrentUser,
  DomainException,
  GraphQLRequestContext,
  PUB_SUB,
  Public,
  RequestLoaders,
} from '@accord/common';
import { AuthService } from '@accord/auth';
import { PubSubEngine } from 'graphql-subscriptions';
import { DOCUMENT_CHANGED, DocumentChangedEvent } from '../shared/document-events';
import { DocumentsService } from './documents.service';
import { DocumentIdArgs } from './document-id.args';
import { DocumentModel } from './document.model';

/**
 * Live updates of one document over graphql-ws. Events come through PostgreSQL NOTIFY from
 * any API instance; each is checked against what this subscriber may see now, then the
 * current document is sent.
 */
@Resolver(() => DocumentModel)
export class DocumentChangedResolver {
  constructor(
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
    private readonly documents: DocumentsService,
    private readonly auth: AuthService,
    private readonly moduleRef: ModuleRef,
  ) {}

  @Subscription(() => DocumentModel, {
    description: 'Any change of the text, its amendments, comments or status',
    async filter(
      this: DocumentChangedResolver,
      event: DocumentChangedEvent,
      { documentId }: DocumentIdArgs,
      context: GraphQLRequestContext,
    ): Promise<boolean> {
      if (event.documentId !== documentId) return false;
      // A connection outlives a removal from a delegation or a disabled account: check the
      // subscriber as the database says now, and let the fields of this event see the same.
      context.req.user = await this.currentActor(context);
      return !!(await this.documents.visible(context.req.user, documentId));
    },
    async resolve(
      this: DocumentChangedResolver,
      event: DocumentChangedEvent,
      _args: DocumentIdArgs,
      context: GraphQLRequestContext,
    ): Promise<DocumentModel> {
      // One context serves the whole subscription: fresh loaders for each event, or it would
      // be answered from the first event's cache.
      context.loaders = new RequestLoaders(this.moduleRef);
      // Visibility only grows as a document moves forward: what the filter let through stays visible.
      const document = await this.documents.visible(context.req.user ?? null, event.documentId);
      if (!document) throw DomainException.notFound('Document', 'documentId');
      return DocumentModel.from(document);
    },
  })
  @Public()
  async documentChanged(
    @CurrentUser() actor: Actor | null,
    @Args() { documentId }: DocumentIdArgs,
  ): Promise<AsyncIterableIterator<DocumentChangedEvent>> {
    // Refuse at once what the caller may not see, as document() answers null for it.
    if (!(await this.documents.visible(actor, documentId))) {
      throw DomainException.notFound('Document', 'documentId');
    }
    return this.pubSub.asyncIterableIterator<DocumentChangedEvent>(DOCUMENT_CHANGED);
  }

  /** The subscriber as the database says now; an ended session or a disabled user is anonymous. */
  private async currentActor(context: GraphQLRequestContext): Promise<Actor | null> {
    const connected = context.req.user;
    if (!connected?.sessionId) return null;
    return this.auth.actorFor({ sub: connected.id, sid: connected.sessionId });
  }
}
