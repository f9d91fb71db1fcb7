import { ArgsType, Field, ID } from '@nestjs/graphql';
import { MultilineText, TEXT_LIMITS } from '@accord/common';
import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';

/** breakSilence and cancelSilenceProcedure: a procedure and a written reason. */
@ArgsType()
export class SilenceReasonArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'procedureId must be a valid id' })
  procedureId: string;

  @Field()
  @IsString()
  @IsNotEmpty({ message: 'reason must not be empty' })
  @MaxLength(TEXT_LIMITS.rationale)
  @MultilineText()
  reason: string;
}
