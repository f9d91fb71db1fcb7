import { Field, InputType } from '@nestjs/graphql';
import { DocumentKind, NameText, ParticipantKind, TEXT_LIMITS } from '@accord/common';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsEnum,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { SLUG_PATTERN } from './document-slug';
import { MAX_LANGUAGE_LENGTH, MAX_LANGUAGES } from '../translations/language-codes';

@InputType()
export class CreateDocumentInput {
  @Field()
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(TEXT_LIMITS.title)
  @NameText()
  title: string;

  @Field(() => String, {
    nullable: true,
    description: 'Lowercase words joined by hyphens; derived from the title when absent',
  })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.slug)
  @Matches(SLUG_PATTERN, {
    message: 'slug must be lowercase letters and digits joined by single hyphens',
  })
  slug?: string | null;

  @Field(() => DocumentKind)
  @IsEnum(DocumentKind)
  kind: DocumentKind;

  @Field(() => [ParticipantKind], {
    description: 'Which participant kinds may read the draft and sign',
  })
  @IsArray()
  @ArrayNotEmpty({ message: 'eligibleKinds must name at least one participant kind' })
  @ArrayMaxSize(Object.keys(ParticipantKind).length)
  @IsEnum(ParticipantKind, { each: true })
  eligibleKinds: ParticipantKind[];

  @Field(() => [String], {
    nullable: true,
    description:
      'Authentic languages, BCP 47 codes; the first is the language of negotiation (default ["en"])',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LANGUAGES)
  @IsString({ each: true })
  @MaxLength(MAX_LANGUAGE_LENGTH, { each: true })
  languages?: string[] | null;
}
