import { ArgsType, Field } from '@nestjs/graphql';
import { MultilineText, TEXT_LIMITS } from '@accord/common';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { AmendmentIdArgs } from './amendment-id.args';

@ArgsType()
export class RebaseAmendmentArgs extends AmendmentIdArgs {
  @Field(() => String, {
    nullable: true,
    description: 'The proposal redone on the clause’s current text; none for DELETE',
  })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.clauseText)
  @MultilineText()
  text?: string | null;
}
