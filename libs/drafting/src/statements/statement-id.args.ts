import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@ArgsType()
export class StatementIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'statementId must be a valid id' })
  statementId: string;
}
