import { ResolveField, Resolver } from '@nestjs/graphql';
import { callerOf, FieldArgs, GraphQLRequestContext, loaderOf } from '@accord/common';
import { DocumentsService } from '../documents/documents.service';
import { AmendmentStatusArgs } from '../amendments/amendment-status.args';
import { AmendmentsByDocumentLoader } from '../amendments/amendments-by-document.loader';
import { VersionsByDocumentLoader } from './versions-by-document.loader';
import { AmendmentModel } from '../amendments/amendment.model';
import { DocumentVersionModel } from './document-version.model';
import { DocumentModel } from '../documents/document.model';

/** Document.amendments and Document.versions: the negotiation record. */
@Resolver(() => DocumentModel)
export class DocumentHistoryResolver {
  constructor(private readonly documents: DocumentsService) {}

  @ResolveField(() => [AmendmentModel], {
    description: 'Empty for those who may not see the draft (the public, after adoption)',
  })
  async amendments(
    document: DocumentModel,
    @FieldArgs() { status }: AmendmentStatusArgs,
    context: GraphQLRequestContext,
  ): Promise<AmendmentModel[]> {
    const actor = callerOf(context);
    const amendments = loaderOf(context, AmendmentsByDocumentLoader);
    if (!this.documents.canReadHistory(actor, document)) return [];
    return (await amendments.load(document.id))
      .filter((amendment) => !status || amendment.status === status)
      .map(AmendmentModel.from);
  }

  @ResolveField(() => [DocumentVersionModel], {
    description:
      'Oldest first; those who may not see the draft see only the adopted version, without its author',
  })
  async versions(
    document: DocumentModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<DocumentVersionModel[]> {
    const actor = callerOf(context);
    const versions = loaderOf(context, VersionsByDocumentLoader);
    const all = await versions.load(document.id);
    // The public gets the adopted text, not who wrote it (createdBy is then null).
    const history = this.documents.canReadHistory(actor, document);
    const visible = history
      ? all
      : all.filter((version) => version.number === document.adoptedVersion);
    return visible.map((version) => DocumentVersionModel.from(version, history));
  }
}
