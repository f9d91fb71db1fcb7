import { ArgsType, Field } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsString, MaxLength } from 'class-validator';
import { DocumentIdArgs } from '../documents/document-id.args';
import { MAX_LANGUAGE_LENGTH, MAX_LANGUAGES } from './language-codes';

@ArgsType()
export class SetDocumentLanguagesArgs extends DocumentIdArgs {
  @Field(() => [String], {
    description: 'BCP 47 codes ("en", "fr", "en-gb"); the first is the language of negotiation',
  })
  @IsArray()
  @ArrayMaxSize(MAX_LANGUAGES)
  @IsString({ each: true })
  @MaxLength(MAX_LANGUAGE_LENGTH, { each: true })
  languages: string[];
}
