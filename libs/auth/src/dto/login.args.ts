import { ArgsType, Field } from '@nestjs/graphql';
import { EmailAddress, SecretText, TEXT_LIMITS } from '@accord/common';
import { IsOptional, IsString, MaxLength } from 'class-validator';

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

  @Field(() => String, {
    nullable: true,
    description:
      'The code of the authenticator app, or a recovery code, when a second factor is on',
  })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  totpCode?: string | null;
}
