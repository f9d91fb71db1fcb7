import { ArgsType, Field, ID } from '@nestjs/graphql';
import { MultilineText, TEXT_LIMITS } from '@accord/common';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

@ArgsType()
export class AddCommentArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'clauseId must be a valid id' })
  clauseId: string;

  @Field()
  @IsString()
  @IsNotEmpty({ message: 'body must not be empty' })
  @MaxLength(TEXT_LIMITS.comment)
  @MultilineText()
  body: string;

  @Field(() => ID, { nullable: true, description: 'The comment this one replies to' })
  @IsOptional()
  @IsUUID('all', { message: 'parentId must be a valid id' })
  parentId?: string | null;
}
