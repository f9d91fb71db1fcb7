import { ArgsType, Field } from '@nestjs/graphql';
import { TEXT_LIMITS } from '@accord/common';
import { IsString, MaxLength } from 'class-validator';

@ArgsType()
export class DisableTotpArgs {
  @Field({ description: 'The current password' })
  @IsString()
  @MaxLength(TEXT_LIMITS.password)
  password: string;
}
