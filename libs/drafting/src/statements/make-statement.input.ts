import { Field, ID, InputType } from '@nestjs/graphql';
import { MultilineText, TEXT_LIMITS } from '@accord/common';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { StatementKind } from './statement-kind';

/** At most this many clauses per statement: a statement on more concerns the whole text. */
export const MAX_STATEMENT_CLAUSES = 50;

@InputType()
export class MakeStatementInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'documentId must be a valid id' })
  documentId: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The secretariat, recording a statement on a participant’s behalf',
  })
  @IsOptional()
  @IsUUID('all', { message: 'participantId must be a valid id' })
  participantId?: string | null;

  @Field(() => StatementKind)
  @IsEnum(StatementKind)
  kind: StatementKind;

  @Field()
  @IsString()
  @IsNotEmpty({ message: 'text must not be empty' })
  @MaxLength(TEXT_LIMITS.statement)
  @MultilineText()
  text: string;

  @Field(() => [ID], {
    nullable: true,
    description: `Clauses of the adopted text it concerns (at most ${MAX_STATEMENT_CLAUSES})`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_STATEMENT_CLAUSES, {
    message: `clauseIds may name at most ${MAX_STATEMENT_CLAUSES} clauses`,
  })
  @IsUUID('all', { each: true, message: 'clauseIds must be valid ids' })
  clauseIds?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'OBJECTION only: the reservation it answers' })
  @IsOptional()
  @IsUUID('all', { message: 'inResponseToId must be a valid id' })
  inResponseToId?: string | null;
}
