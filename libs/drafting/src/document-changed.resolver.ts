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
import { PubSubEngine } from 'graphql-subscriptions';
import { DOCUMENT_CHANGED, DocumentChangedEvent } from './document-events';
import { DocumentsService } from './documents.service';
import { DocumentIdArgs } from './dto/document-id.args';
import { DocumentModel } from './models/document.model';

/**
 * Live updates of one document over graphql-ws. Events come through PostgreSQL NOTIFY from
 * any API instance; each is checked against what this subscriber may see, then the current
 * document is sent.
 */
@Resolver(() => DocumentModel)
export class DocumentChangedResolver {
  constructor(
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
    private readonly documents: DocumentsService,
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
      return !!(await this.documents.visible(context.req.user ?? null, documentId));
    },
    async resolve(
      this: DocumentChangedResolver,
      event: DocumentChangedEvent,
      _args: DocumentIdArgs,
      context: GraphQLRequestContext,
    ): Promise<DocumentModel> {
      // One context serves the whole subscription: fresh loaders, or later events would be
      // answered from the first event's cache.
      context.loaders = new RequestLoaders(this.moduleRef);
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
}
