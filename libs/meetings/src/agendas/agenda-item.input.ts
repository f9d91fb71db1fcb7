import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { AgendaItemKind, MultilineText, NameText, TEXT_LIMITS } from '@accord/common';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';

/** One item of an edited agenda, in the order it should run. */
@InputType()
export class AgendaItemInput {
  @Field(() => String, {
    nullable: true,
    description:
      'AgendaItem.key of the item this one continues, so that calendars update its event; omitted: matched by kind, document and clauses (or title), else a new item',
  })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  @Matches(/^[A-Za-z0-9-]+$/, { message: 'key must be an AgendaItem.key' })
  key?: string | null;

  @Field(() => AgendaItemKind)
  @IsEnum(AgendaItemKind)
  kind: AgendaItemKind;

  @Field()
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(TEXT_LIMITS.title)
  @NameText()
  title: string;

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Numbered under the item before it (4.1, 4.2…)',
  })
  @IsBoolean()
  subItem: boolean;

  @Field(() => Int, {
    nullable: true,
    description:
      'Length when times are laid out again; default: endsAt − startsAt when given, else the kind’s usual length',
  })
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(600)
  minutes?: number | null;

  @Field(() => Date, { nullable: true, description: 'Kept as given with keepTimes: true' })
  @IsOptional()
  @IsDate()
  startsAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  endsAt?: Date | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'documentId must be a valid id' })
  documentId?: string | null;

  @Field(() => [ID], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true, message: 'clauseIds must be valid ids' })
  clauseIds: string[];

  @Field(() => [ID], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'participantIds must be valid ids' })
  participantIds: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.note)
  @MultilineText()
  notes?: string | null;
}
