import { ArgsType, Field, ID } from '@nestjs/graphql';
import { MultilineText, TEXT_LIMITS } from '@accord/common';
import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';

@ArgsType()
export class WithdrawSignatureArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'signatureId must be a valid id' })
  signatureId: string;

  @Field()
  @IsString()
  @IsNotEmpty({ message: 'reason must not be empty' })
  @MaxLength(TEXT_LIMITS.note)
  @MultilineText()
  reason: string;
}
