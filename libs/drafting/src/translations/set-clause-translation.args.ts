import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { MultilineText, TEXT_LIMITS } from '@accord/common';
import { IsInt, IsNotEmpty, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { MAX_LANGUAGE_LENGTH } from './language-codes';

@ArgsType()
export class SetClauseTranslationArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'clauseId must be a valid id' })
  clauseId: string;

  @Field({ description: 'An authentic language of the document other than the first' })
  @IsString()
  @MaxLength(MAX_LANGUAGE_LENGTH)
  language: string;

  @Field()
  @IsString()
  @IsNotEmpty({ message: 'text must not be empty' })
  @MaxLength(TEXT_LIMITS.clauseText)
  @MultilineText()
  text: string;

  @Field(() => Int, {
    description:
      'The clause version translated: the current one; an older one gives CONFLICT, a later one BAD_USER_INPUT',
  })
  @IsInt()
  @Min(1)
  sourceVersion: number;
}
