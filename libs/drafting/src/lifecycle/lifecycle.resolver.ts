import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Actor, CurrentUser, Permission } from '@accord/common';
import { DocumentIdArgs } from '../documents/document-id.args';
import { LifecycleService } from './lifecycle.service';
import { DocumentModel } from '../documents/document.model';

/** DRAFT → NEGOTIATION → ADOPTED → OPEN_FOR_SIGNATURE → CLOSED, one step each. */
@Resolver(() => DocumentModel)
export class LifecycleResolver {
  constructor(private readonly lifecycle: LifecycleService) {}

  @Mutation(() => DocumentModel)
  @Permission('document.transition')
  async openNegotiation(
    @CurrentUser() actor: Actor | null,
    @Args() { documentId }: DocumentIdArgs,
  ): Promise<DocumentModel> {
    return DocumentModel.from(await this.lifecycle.openNegotiation(actor, documentId));
  }

  @Mutation(() => DocumentModel, {
    description: 'Refused while brackets are open or unbalanced or amendments are PROPOSED',
  })
  @Permission('document.transition')
  async adoptDocument(
    @CurrentUser() actor: Actor | null,
    @Args() { documentId }: DocumentIdArgs,
  ): Promise<DocumentModel> {
    return DocumentModel.from(await this.lifecycle.adopt(actor, documentId));
  }

  @Mutation(() => DocumentModel)
  @Permission('document.transition')
  async openForSignature(
    @CurrentUser() actor: Actor | null,
    @Args() { documentId }: DocumentIdArgs,
  ): Promise<DocumentModel> {
    return DocumentModel.from(await this.lifecycle.openForSignature(actor, documentId));
  }

  @Mutation(() => DocumentModel)
  @Permission('document.transition')
  async closeDocument(
    @CurrentUser() actor: Actor | null,
    @Args() { documentId }: DocumentIdArgs,
  ): Promise<DocumentModel> {
    return DocumentModel.from(await this.lifecycle.close(actor, documentId));
  }
}
