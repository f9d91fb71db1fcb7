import { ResolveField, Resolver } from '@nestjs/graphql';
import { callerOf, GraphQLRequestContext, loaderOf } from '@accord/common';
import { ClauseModel, DocumentByIdLoader, DocumentModel, DocumentsReader } from '@accord/drafting';
import { ParticipantByIdLoader, ParticipantModel } from '@accord/participants';
import { ClauseRefByIdLoader } from './clause-ref-by-id.loader';
import { AgendaItemModel } from './agenda.model';

/** Document and clauses only for those who may read the document; participants for everyone. */
@Resolver(() => AgendaItemModel)
export class AgendaItemFieldsResolver {
  constructor(private readonly documents: DocumentsReader) {}

  @ResolveField(() => DocumentModel, { nullable: true })
  async document(
    item: AgendaItemModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<DocumentModel | null> {
    const actor = callerOf(context);
    const documents = loaderOf(context, DocumentByIdLoader);
    if (!item.documentId) return null;
    const document = await documents.load(item.documentId);
    return document && this.documents.canRead(actor, document)
      ? DocumentModel.from(document)
      : null;
  }

  @ResolveField(() => [ClauseModel])
  async clauses(
    item: AgendaItemModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<ClauseModel[]> {
    const actor = callerOf(context);
    const documents = loaderOf(context, DocumentByIdLoader);
    const clauses = loaderOf(context, ClauseRefByIdLoader);
    if (!item.documentId || !item.clauseIds.length) return [];
    const document = await documents.load(item.documentId);
    if (!document || !this.documents.canRead(actor, document)) return [];
    const refs = await clauses.loadMany(item.clauseIds);
    return refs.flatMap((ref) =>
      ref && !(ref instanceof Error) ? [ClauseModel.from(ref.clause, ref.number)] : [],
    );
  }

  @ResolveField(() => [ParticipantModel], { description: 'Presenters, or those expected to sign' })
  async participants(
    item: AgendaItemModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<ParticipantModel[]> {
    const participants = loaderOf(context, ParticipantByIdLoader);
    const rows = await participants.loadMany(item.participantIds);
    return rows.flatMap((p) => (p && !(p instanceof Error) ? [ParticipantModel.from(p)] : []));
  }
}
