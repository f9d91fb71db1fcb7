import { Field, InputType } from '@nestjs/graphql';
import { EmailAddress, NameText, PlatformRole, SecretText, TEXT_LIMITS } from '@accord/common';
import { IsEmail, IsEnum, IsNotEmpty, IsString, MaxLength, MinLength } from 'class-validator';
import { MIN_PASSWORD_LENGTH } from '../password-hasher';

@InputType()
export class CreateUserInput {
  @Field()
  @EmailAddress()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(TEXT_LIMITS.email)
  email: string;

  @Field()
  @IsString()
  @IsNotEmpty({ message: 'displayName must not be empty' })
  @MaxLength(TEXT_LIMITS.name)
  @NameText()
  displayName: string;

  @Field()
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH, {
    message: `password must be at least ${MIN_PASSWORD_LENGTH} characters`,
  })
  @MaxLength(TEXT_LIMITS.password)
  @SecretText()
  password: string;

  @Field(() => PlatformRole, { nullable: true, defaultValue: PlatformRole.NONE })
  @IsEnum(PlatformRole)
  platformRole: PlatformRole;
}
