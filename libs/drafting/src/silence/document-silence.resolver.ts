import { ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLRequestContext, loaderOf } from '@accord/common';
import { DocumentModel } from '../documents/document.model';
import { SilenceProcedureModel } from './silence-procedure.model';
import { SilenceProceduresByDocumentLoader } from './silence-procedures-by-document.loader';

/** Document.silenceProcedure(s): whoever sees the document sees how it is being adopted. */
@Resolver(() => DocumentModel)
export class DocumentSilenceResolver {
  @ResolveField(() => SilenceProcedureModel, { nullable: true, description: 'The latest' })
  async silenceProcedure(
    document: DocumentModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<SilenceProcedureModel | null> {
    const all = await loaderOf(context, SilenceProceduresByDocumentLoader).load(document.id);
    const latest = all.at(-1);
    return latest ? SilenceProcedureModel.from(latest) : null;
  }

  @ResolveField(() => [SilenceProcedureModel], { description: 'Oldest first' })
  async silenceProcedures(
    document: DocumentModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<SilenceProcedureModel[]> {
    const all = await loaderOf(context, SilenceProceduresByDocumentLoader).load(document.id);
    return all.map(SilenceProcedureModel.from);
  }
}
