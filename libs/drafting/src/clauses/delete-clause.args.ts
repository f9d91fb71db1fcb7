import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsUUID, Min } from 'class-validator';

@ArgsType()
export class DeleteClauseArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'clauseId must be a valid id' })
  clauseId: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  expectedVersion: number;
}
