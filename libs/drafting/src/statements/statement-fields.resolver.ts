import { ResolveField, Resolver } from '@nestjs/graphql';
import { callerOf, DomainException, GraphQLRequestContext, loaderOf } from '@accord/common';
import { UserByIdLoader, UserModel } from '@accord/auth';
import { ParticipantByIdLoader, ParticipantModel } from '@accord/participants';
import { can } from '@accord/policy';
import { ClauseByIdLoader } from '../clauses/clause-by-id.loader';
import { ClauseModel } from '../clauses/clause.model';
import { DocumentByIdLoader } from '../documents/document-by-id.loader';
import { DocumentModel } from '../documents/document.model';
import { StatementByIdLoader } from './statement-by-id.loader';
import { StatementModel } from './statement.model';

/** Statement.document, participant, clauses, inResponseTo and madeBy, each batched. */
@Resolver(() => StatementModel)
export class StatementFieldsResolver {
  @ResolveField(() => DocumentModel)
  async document(
    statement: StatementModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<DocumentModel> {
    const document = await loaderOf(context, DocumentByIdLoader).load(statement.documentId);
    if (!document || !can(callerOf(context), 'document.read', document))
      throw DomainException.notFound('Document');
    return DocumentModel.from(document);
  }

  @ResolveField(() => ParticipantModel)
  async participant(
    statement: StatementModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<ParticipantModel> {
    const participant = await loaderOf(context, ParticipantByIdLoader).load(
      statement.participantId,
    );
    if (!participant) throw DomainException.notFound('Participant');
    return ParticipantModel.from(participant);
  }

  @ResolveField(() => [ClauseModel], { description: 'The clauses of the adopted text it concerns' })
  async clauses(
    statement: StatementModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<ClauseModel[]> {
    if (!statement.clauseIds.length) return [];
    const clauses = await loaderOf(context, ClauseByIdLoader).loadMany(statement.clauseIds);
    return clauses.flatMap((c) =>
      c && !(c instanceof Error) ? [ClauseModel.from(c.clause, c.number)] : [],
    );
  }

  @ResolveField(() => StatementModel, {
    nullable: true,
    description: 'For an OBJECTION: the reservation it answers',
  })
  async inResponseTo(
    statement: StatementModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<StatementModel | null> {
    if (!statement.inResponseToId) return null;
    const target = await loaderOf(context, StatementByIdLoader).load(statement.inResponseToId);
    return target ? StatementModel.from(target) : null;
  }

  @ResolveField(() => UserModel, { nullable: true, description: 'Null for the public' })
  async madeBy(
    statement: StatementModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<UserModel | null> {
    if (!can(callerOf(context), 'statement.readAuthor', {})) return null;
    const user = await loaderOf(context, UserByIdLoader).load(statement.madeById);
    return user ? UserModel.from(user) : null;
  }
}
