import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { MAX_LANGUAGE_LENGTH } from '../translations/language-codes';
import { DocumentIdArgs } from '../documents/document-id.args';

@ArgsType()
export class DocumentDiffArgs extends DocumentIdArgs {
  @Field(() => Int)
  @IsInt()
  @Min(1)
  fromVersion: number;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  toVersion: number;

  @Field(() => String, {
    nullable: true,
    description: 'An authentic language; absent means the language of negotiation',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LANGUAGE_LENGTH)
  language?: string | null;
}
