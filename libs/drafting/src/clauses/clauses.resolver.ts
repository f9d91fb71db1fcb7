import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Actor, CurrentUser, Permission } from '@accord/common';
import { ClausesService } from './clauses.service';
import { AddClauseInput } from './add-clause.input';
import { DeleteClauseArgs } from './delete-clause.args';
import { UpdateClauseInput } from './update-clause.input';
import { ClauseModel } from './clause.model';
import { DocumentModel } from '../documents/document.model';

/** Direct edits of a draft (DRAFT only). */
@Resolver(() => ClauseModel)
export class ClausesResolver {
  constructor(private readonly clauses: ClausesService) {}

  @Mutation(() => ClauseModel)
  @Permission('clause.edit')
  async addClause(
    @CurrentUser() actor: Actor | null,
    @Args('input') input: AddClauseInput,
  ): Promise<ClauseModel> {
    const { clause, number } = await this.clauses.add(actor, input);
    return ClauseModel.from(clause, number);
  }

  @Mutation(() => ClauseModel, {
    description: 'CONFLICT when expectedVersion is stale, with currentVersion and currentText',
  })
  @Permission('clause.edit')
  async updateClause(
    @CurrentUser() actor: Actor | null,
    @Args('input') input: UpdateClauseInput,
  ): Promise<ClauseModel> {
    const { clause, number } = await this.clauses.update(actor, input);
    return ClauseModel.from(clause, number);
  }

  @Mutation(() => DocumentModel)
  @Permission('clause.edit')
  async deleteClause(
    @CurrentUser() actor: Actor | null,
    @Args() { clauseId, expectedVersion }: DeleteClauseArgs,
  ): Promise<DocumentModel> {
    return DocumentModel.from(await this.clauses.delete(actor, clauseId, expectedVersion));
  }
}
