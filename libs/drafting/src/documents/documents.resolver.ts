import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, CurrentUser, Permission, Public } from '@accord/common';
import { DocumentsService } from './documents.service';
import { CreateDocumentInput } from './create-document.input';
import { DocumentDiffArgs } from '../versions/document-diff.args';
import { DocumentArgs } from './document.args';
import { DocumentsArgs } from './documents.args';
import { ClauseDiffModel } from '../versions/clause-diff.model';
import { DocumentModel } from './document.model';

@Resolver(() => DocumentModel)
export class DocumentsResolver {
  constructor(private readonly service: DocumentsService) {}

  @Query(() => [DocumentModel], { description: 'The documents the caller may see' })
  @Public()
  async documents(
    @CurrentUser() actor: Actor | null,
    @Args() { status }: DocumentsArgs,
  ): Promise<DocumentModel[]> {
    return (await this.service.list(actor, status ?? null)).map(DocumentModel.from);
  }

  @Query(() => DocumentModel, {
    nullable: true,
    description: 'By id or slug; null when absent or not visible to the caller',
  })
  @Public()
  async document(
    @CurrentUser() actor: Actor | null,
    @Args() args: DocumentArgs,
  ): Promise<DocumentModel | null> {
    const document = await this.service.find(actor, args);
    return document ? DocumentModel.from(document) : null;
  }

  @Query(() => [ClauseDiffModel], { description: 'A word-level diff per clause' })
  @Permission('document.readHistory')
  documentDiff(
    @CurrentUser() actor: Actor | null,
    @Args() { documentId, fromVersion, toVersion, language }: DocumentDiffArgs,
  ): Promise<ClauseDiffModel[]> {
    return this.service.diff(actor, documentId, fromVersion, toVersion, language ?? null);
  }

  @Mutation(() => DocumentModel)
  @Permission('document.create')
  async createDocument(
    @CurrentUser() actor: Actor | null,
    @Args('input') input: CreateDocumentInput,
  ): Promise<DocumentModel> {
    return DocumentModel.from(await this.service.create(actor, input));
  }
}
