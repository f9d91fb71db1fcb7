import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Actor, CurrentUser, Permission } from '@accord/common';
import { DocumentModel } from '../documents/document.model';
import { MakeStatementInput } from './make-statement.input';
import { SetReservationsAllowedArgs } from './set-reservations-allowed.args';
import { StatementIdArgs } from './statement-id.args';
import { StatementModel } from './statement.model';
import { StatementsService } from './statements.service';

@Resolver(() => StatementModel)
export class StatementsResolver {
  constructor(private readonly statements: StatementsService) {}

  @Mutation(() => StatementModel, {
    description:
      'By a head of delegation for its participant, or by the secretariat on its behalf (participantId)',
  })
  @Permission('statement.make')
  async makeStatement(
    @CurrentUser() actor: Actor | null,
    @Args('input') input: MakeStatementInput,
  ): Promise<StatementModel> {
    return StatementModel.from(await this.statements.make(actor, input));
  }

  @Mutation(() => StatementModel, { description: 'Kept, marked withdrawn' })
  @Permission('statement.withdraw')
  async withdrawStatement(
    @CurrentUser() actor: Actor | null,
    @Args() { statementId }: StatementIdArgs,
  ): Promise<StatementModel> {
    return StatementModel.from(await this.statements.withdraw(actor, statementId));
  }

  @Mutation(() => DocumentModel, { description: 'By the secretariat, before adoption' })
  @Permission('document.setReservationsAllowed')
  async setReservationsAllowed(
    @CurrentUser() actor: Actor | null,
    @Args() { documentId, allowed }: SetReservationsAllowedArgs,
  ): Promise<DocumentModel> {
    return DocumentModel.from(
      await this.statements.setReservationsAllowed(actor, documentId, allowed),
    );
  }
}
