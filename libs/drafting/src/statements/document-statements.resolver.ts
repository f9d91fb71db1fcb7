import { ResolveField, Resolver } from '@nestjs/graphql';
import { callerOf, GraphQLRequestContext, loaderOf } from '@accord/common';
import { can } from '@accord/policy';
import { ClauseModel } from '../clauses/clause.model';
import { DocumentByIdLoader } from '../documents/document-by-id.loader';
import { DocumentModel } from '../documents/document.model';
import { StatementModel } from './statement.model';
import { StatementsByClauseLoader } from './statements-by-clause.loader';
import { StatementsByDocumentLoader } from './statements-by-document.loader';

/** Document.statements: public with the adopted text, withdrawn ones included (marked). */
@Resolver(() => DocumentModel)
export class DocumentStatementsResolver {
  @ResolveField(() => [StatementModel], { description: 'Oldest first, withdrawn ones marked' })
  async statements(
    document: DocumentModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<StatementModel[]> {
    const statements = await loaderOf(context, StatementsByDocumentLoader).load(document.id);
    return statements.map(StatementModel.from);
  }
}

/** Clause.statements: the statements anchored to the clause, seen with its document. */
@Resolver(() => ClauseModel)
export class ClauseStatementsResolver {
  @ResolveField(() => [StatementModel], { description: 'Oldest first, withdrawn ones marked' })
  async statements(
    clause: ClauseModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<StatementModel[]> {
    // Read through its document (the usual case): that read is checked, not read again.
    const document =
      clause.document ?? (await loaderOf(context, DocumentByIdLoader).load(clause.documentId));
    if (!document || !can(callerOf(context), 'document.read', document)) return [];
    const statements = await loaderOf(context, StatementsByClauseLoader).load(clause.id);
    return statements.map(StatementModel.from);
  }
}
