import { Field, InputType } from '@nestjs/graphql';
import { NameText, ParticipantKind, TEXT_LIMITS } from '@accord/common';
import { IsEnum, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

@InputType()
export class CreateParticipantInput {
  @Field(() => ParticipantKind)
  @IsEnum(ParticipantKind)
  kind: ParticipantKind;

  @Field()
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(TEXT_LIMITS.name)
  @NameText()
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.shortName)
  @NameText()
  shortName?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2; required for a STATE' })
  @IsOptional()
  @IsString()
  @MaxLength(2, { message: 'countryCode must be an ISO 3166-1 alpha-2 code' })
  countryCode?: string | null;
}
