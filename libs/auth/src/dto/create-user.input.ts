import { Field, InputType } from '@nestjs/graphql';
import { EmailAddress, NameText, PlatformRole, SecretText, TEXT_LIMITS } from '@accord/common';
import { IsEmail, IsEnum, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

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

  /** Its length and strength are the password policy's to judge, with a message saying why. */
  @Field(() => String, {
    nullable: true,
    description: 'Omit it to let the user set one through a ticket from issuePasswordReset',
  })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.password * 4)
  @SecretText()
  password?: string | null;

  @Field(() => PlatformRole, { nullable: true, defaultValue: PlatformRole.NONE })
  @IsEnum(PlatformRole)
  platformRole: PlatformRole;
}
