import { ArgsType, Field, ID } from '@nestjs/graphql';
import { MultilineText } from '@accord/common';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

/** A whole document's canonical text, with room to spare (the request body limit is 2 MB). */
export const VERIFIED_TEXT_LIMIT = 1_000_000;

@ArgsType()
export class VerifySignatureArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'signatureId must be a valid id' })
  signatureId: string;

  @Field(() => String, {
    nullable: true,
    description: 'A text to check, compared exactly (SHA-256) with the text signed',
  })
  @IsOptional()
  @IsString()
  @MaxLength(VERIFIED_TEXT_LIMIT)
  @MultilineText()
  text?: string | null;
}
