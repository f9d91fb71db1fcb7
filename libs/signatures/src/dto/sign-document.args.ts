import { ArgsType, Field, ID } from '@nestjs/graphql';
import { MultilineText, TEXT_LIMITS } from '@accord/common';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

@ArgsType()
export class SignDocumentArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'documentId must be a valid id' })
  documentId: string;

  @Field(() => String, { nullable: true, description: 'An interpretive declaration' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.statement)
  @MultilineText()
  statement?: string | null;

  @Field(() => ID, { nullable: true, description: 'The meeting at which it is signed' })
  @IsOptional()
  @IsUUID('all', { message: 'meetingId must be a valid id' })
  meetingId?: string | null;
}
