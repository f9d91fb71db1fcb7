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

@InputType()
export class CreateMeetingInput {
  @Field()
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(TEXT_LIMITS.title)
  @NameText()
  title: string;

  @Field()
  @IsString()
  @IsNotEmpty({ message: 'city must not be empty' })
  @MaxLength(TEXT_LIMITS.name)
  @NameText()
  city: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.title)
  @NameText()
  venue?: string | null;

  @Field({ description: 'IANA time zone, e.g. Europe/Paris' })
  @IsString()
  @MaxLength(64)
  timezone: string;

  @Field(() => Date)
  @IsDate()
  startsAt: Date;

  @Field(() => Date)
  @IsDate()
  endsAt: Date;

  @Field(() => [ID], { description: 'In order: the first host opens the meeting' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true, message: 'hostIds must be valid ids' })
  hostIds: string[];

  @Field(() => ID, { nullable: true, description: 'The meeting this one follows' })
  @IsOptional()
  @IsUUID('all', { message: 'previousMeetingId must be a valid id' })
  previousMeetingId?: string | null;
}
