import { ArgsType, Field } from '@nestjs/graphql';
import { NameText, TEXT_LIMITS } from '@accord/common';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { DocumentIdArgs } from '../documents/document-id.args';
import { MAX_LANGUAGE_LENGTH } from './language-codes';

@ArgsType()
export class SetDocumentTitleArgs extends DocumentIdArgs {
  @Field({ description: 'An authentic language of the document' })
  @IsString()
  @MaxLength(MAX_LANGUAGE_LENGTH)
  language: string;

  @Field()
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(TEXT_LIMITS.title)
  @NameText()
  title: string;
}
