import { ResolveField, Resolver } from '@nestjs/graphql';
import { DomainException, GraphQLRequestContext, loaderOf } from '@accord/common';
import { UserByIdLoader, UserModel } from '@accord/auth';
import { ParticipantByIdLoader, ParticipantEntity, ParticipantModel } from '@accord/participants';
import { ClauseByIdLoader } from '../clauses/clause-by-id.loader';
import { CosponsorsByAmendmentLoader } from './cosponsors-by-amendment.loader';
import { DocumentByIdLoader } from '../documents/document-by-id.loader';
import { AmendmentModel } from './amendment.model';
import { ClauseModel } from '../clauses/clause.model';
import { DocumentModel } from '../documents/document.model';

@Resolver(() => AmendmentModel)
export class AmendmentRelationsResolver {
  @ResolveField(() => DocumentModel)
  async document(
    amendment: AmendmentModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<DocumentModel> {
    const documents = loaderOf(context, DocumentByIdLoader);
    const document = await documents.load(amendment.documentId);
    if (!document) throw DomainException.notFound('Document');
    return DocumentModel.from(document);
  }

  @ResolveField(() => ClauseModel, {
    nullable: true,
    description: 'Null once the clause has been removed from the text',
  })
  async clause(
    amendment: AmendmentModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<ClauseModel | null> {
    const clauses = loaderOf(context, ClauseByIdLoader);
    const found = await clauses.load(amendment.clauseId);
    return found ? ClauseModel.from(found.clause, found.number) : null;
  }

  @ResolveField(() => ParticipantModel, { description: 'The proposing delegation' })
  async proposer(
    amendment: AmendmentModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<ParticipantModel> {
    const participants = loaderOf(context, ParticipantByIdLoader);
    const participant = await participants.load(amendment.proposerId);
    if (!participant) throw DomainException.notFound('Participant');
    return ParticipantModel.from(participant);
  }

  @ResolveField(() => UserModel)
  async proposedBy(
    amendment: AmendmentModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<UserModel> {
    const users = loaderOf(context, UserByIdLoader);
    const user = await users.load(amendment.proposedById);
    if (!user) throw DomainException.notFound('User');
    return UserModel.from(user);
  }

  @ResolveField(() => [ParticipantModel])
  async cosponsors(
    amendment: AmendmentModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<ParticipantModel[]> {
    const cosponsors = loaderOf(context, CosponsorsByAmendmentLoader);
    const participants = loaderOf(context, ParticipantByIdLoader);
    const rows = await cosponsors.load(amendment.id);
    const found = await participants.loadMany(rows.map((row) => row.participantId));
    return found
      .filter((p): p is ParticipantEntity => !!p && !(p instanceof Error))
      .map(ParticipantModel.from);
  }
}
