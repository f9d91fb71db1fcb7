import { ResolveField, Resolver } from '@nestjs/graphql';
import { callerOf, DomainException, GraphQLRequestContext, loaderOf } from '@accord/common';
import { UserByIdLoader, UserModel } from '@accord/auth';
import { ParticipantByIdLoader, ParticipantModel } from '@accord/participants';
import { can } from '@accord/policy';
import { DocumentByIdLoader } from '../documents/document-by-id.loader';
import { DocumentModel } from '../documents/document.model';
import { SilenceBreakModel } from './silence-break.model';
import { SilenceBreaksByProcedureLoader } from './silence-breaks-by-procedure.loader';
import { SilenceProcedureModel } from './silence-procedure.model';

/** SilenceProcedure.document, startedBy and breaks; a procedure is seen through its document. */
@Resolver(() => SilenceProcedureModel)
export class SilenceFieldsResolver {
  @ResolveField(() => DocumentModel)
  async document(
    procedure: SilenceProcedureModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<DocumentModel> {
    const documents = loaderOf(context, DocumentByIdLoader);
    const document = await documents.load(procedure.documentId);
    if (!document || !can(callerOf(context), 'document.read', document))
      throw DomainException.notFound('Document');
    return DocumentModel.from(document);
  }

  @ResolveField(() => UserModel, {
    nullable: true,
    description: 'For those who may see the negotiation record; null for the public',
  })
  async startedBy(
    procedure: SilenceProcedureModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<UserModel | null> {
    if (!procedure.startedById) return null;
    const documents = loaderOf(context, DocumentByIdLoader);
    const document = await documents.load(procedure.documentId);
    if (!document || !can(callerOf(context), 'document.readHistory', document)) return null;
    const user = await loaderOf(context, UserByIdLoader).load(procedure.startedById);
    return user ? UserModel.from(user) : null;
  }

  @ResolveField(() => [SilenceBreakModel], {
    description:
      'Who broke silence, and why: for those who may see the negotiation record (empty for the public)',
  })
  async breaks(
    procedure: SilenceProcedureModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<SilenceBreakModel[]> {
    const document = await loaderOf(context, DocumentByIdLoader).load(procedure.documentId);
    if (!document || !can(callerOf(context), 'document.readHistory', document)) return [];
    const breaks = loaderOf(context, SilenceBreaksByProcedureLoader);
    return (await breaks.load(procedure.id)).map(SilenceBreakModel.from);
  }
}

@Resolver(() => SilenceBreakModel)
export class SilenceBreakFieldsResolver {
  @ResolveField(() => ParticipantModel)
  async participant(
    brk: SilenceBreakModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<ParticipantModel> {
    const participant = await loaderOf(context, ParticipantByIdLoader).load(brk.participantId);
    if (!participant) throw DomainException.notFound('Participant');
    return ParticipantModel.from(participant);
  }
}
