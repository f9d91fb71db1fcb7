import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { MultilineText, TEXT_LIMITS } from '@accord/common';
import { IsInt, IsNotEmpty, IsString, IsUUID, MaxLength, Min } from 'class-validator';

@InputType()
export class UpdateClauseInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'clauseId must be a valid id' })
  clauseId: string;

  @Field()
  @IsString()
  @IsNotEmpty({ message: 'text must not be empty' })
  @MaxLength(TEXT_LIMITS.clauseText)
  @MultilineText()
  text: string;

  @Field(() => Int, {
    description: 'The clause version the edit was made on; stale gives CONFLICT',
  })
  @IsInt()
  @Min(1)
  expectedVersion: number;
}
