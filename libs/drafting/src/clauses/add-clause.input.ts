import { Field, ID, InputType } from '@nestjs/graphql';
import { ClauseKind, MultilineText, TEXT_LIMITS } from '@accord/common';
import { IsEnum, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

@InputType()
export class AddClauseInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'documentId must be a valid id' })
  documentId: string;

  @Field(() => ClauseKind)
  @IsEnum(ClauseKind)
  kind: ClauseKind;

  @Field()
  @IsString()
  @IsNotEmpty({ message: 'text must not be empty' })
  @MaxLength(TEXT_LIMITS.clauseText)
  @MultilineText()
  text: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Insert after this clause; at the end when absent',
  })
  @IsOptional()
  @IsUUID('all', { message: 'afterClauseId must be a valid id' })
  afterClauseId?: string | null;
}
