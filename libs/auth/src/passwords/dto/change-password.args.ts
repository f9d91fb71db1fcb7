import { ArgsType, Field } from '@nestjs/graphql';
import { TEXT_LIMITS } from '@accord/common';
import { IsString, MaxLength } from 'class-validator';

@ArgsType()
export class ChangePasswordArgs {
  @Field()
  @IsString()
  @MaxLength(TEXT_LIMITS.password)
  currentPassword: string;

  /** Its length and strength are the password policy's to judge, with a message saying why. */
  @Field()
  @IsString()
  @MaxLength(TEXT_LIMITS.password * 4)
  newPassword: string;
}
