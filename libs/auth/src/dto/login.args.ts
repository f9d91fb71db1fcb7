import { ArgsType, Field } from '@nestjs/graphql';
import { EmailAddress, SecretText, TEXT_LIMITS } from '@accord/common';
import { IsString, MaxLength } from 'class-validator';

@ArgsType()
export class LoginArgs {
  @Field()
  @EmailAddress()
  @IsString()
  @MaxLength(TEXT_LIMITS.email)
  email: string;

  @Field()
  @IsString()
  @MaxLength(TEXT_LIMITS.password)
  @SecretText()
  password: string;
}
