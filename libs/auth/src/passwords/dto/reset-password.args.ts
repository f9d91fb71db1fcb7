import { ArgsType, Field } from '@nestjs/graphql';
import { TEXT_LIMITS } from '@accord/common';
import { IsString, MaxLength } from 'class-validator';

@ArgsType()
export class ResetPasswordArgs {
  @Field({ description: 'The token of a ticket from issuePasswordReset' })
  @IsString()
  @MaxLength(100)
  token: string;

  @Field()
  @IsString()
  @MaxLength(TEXT_LIMITS.password * 4)
  newPassword: string;
}
