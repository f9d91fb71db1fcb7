import { Field, ID, InputType } from '@nestjs/graphql';
import { NameText, TEXT_LIMITS } from '@accord/common';
import {
  ArrayMaxSize,
  IsArray,
  IsDate,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';

/** Only the fields given change; `venue: null` and `previousMeetingId: null` clear them. */
@InputType()
export class UpdateMeetingInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a valid id' })
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(TEXT_LIMITS.title)
  @NameText()
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: 'city must not be empty' })
  @MaxLength(TEXT_LIMITS.name)
  @NameText()
  city?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.title)
  @NameText()
  venue?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timezone?: string | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  startsAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  endsAt?: Date | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true, message: 'hostIds must be valid ids' })
  hostIds?: string[] | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'previousMeetingId must be a valid id' })
  previousMeetingId?: string | null;
}
