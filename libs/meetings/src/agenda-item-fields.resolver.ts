import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, CurrentUser, Loader } from '@accord/common';
import {
  ClauseModel,
  DocumentByIdLoader,
  DocumentByIdLoaderInstance,
  DocumentModel,
  DocumentsReader,
} from '@accord/drafting';
import {
  ParticipantByIdLoader,
  ParticipantByIdLoaderInstance,
  ParticipantModel,
} from '@accord/participants';
import {
  ClauseRefByIdLoader,
  ClauseRefByIdLoaderInstance,
} from './loaders/clause-ref-by-id.loader';
import { AgendaItemModel } from './models/agenda.model';

/** Document and clauses only for those who may read the document; participants for everyone. */
@Resolver(() => AgendaItemModel)
export class AgendaItemFieldsResolver {
  constructor(private readonly documents: DocumentsReader) {}

  @ResolveField(() => DocumentModel, { nullable: true })
  async document(
    @Parent() item: AgendaItemModel,
    @CurrentUser() actor: Actor | null,
    @Loader(DocumentByIdLoader) documents: DocumentByIdLoaderInstance,
  ): Promise<DocumentModel | null> {
    if (!item.documentId) return null;
    const document = await documents.load(item.documentId);
    return document && this.documents.canRead(actor, document)
      ? DocumentModel.from(document)
      : null;
  }

  @ResolveField(() => [ClauseModel])
  async clauses(
    @Parent() item: AgendaItemModel,
    @CurrentUser() actor: Actor | null,
    @Loader(DocumentByIdLoader) documents: DocumentByIdLoaderInstance,
    @Loader(ClauseRefByIdLoader) clauses: ClauseRefByIdLoaderInstance,
  ): Promise<ClauseModel[]> {
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
    @Parent() item: AgendaItemModel,
    @Loader(ParticipantByIdLoader) participants: ParticipantByIdLoaderInstance,
  ): Promise<ParticipantModel[]> {
    const rows = await participants.loadMany(item.participantIds);
    return rows.flatMap((p) => (p && !(p instanceof Error) ? [ParticipantModel.from(p)] : []));
  }
}
