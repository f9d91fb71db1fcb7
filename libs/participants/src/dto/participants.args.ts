import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { MAX_PAGE_SIZE, NameText, ParticipantKind, TEXT_LIMITS } from '@accord/common';
import { Type } from 'class-transformer';
import {
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

@InputType()
export class ParticipantFilter {
  @Field(() => ParticipantKind, { nullable: true })
  @IsOptional()
  @IsEnum(ParticipantKind)
  kind?: ParticipantKind | null;

  @Field(() => String, {
    nullable: true,
    description: 'Case-insensitive, part of the name or short name',
  })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.name)
  @NameText()
  search?: string | null;
}

@ArgsType()
export class ParticipantsArgs {
  @Field(() => ParticipantFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ParticipantFilter)
  filter?: ParticipantFilter | null;

  @Field(() => Int, { nullable: true, defaultValue: 50 })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  after?: string | null;
}
