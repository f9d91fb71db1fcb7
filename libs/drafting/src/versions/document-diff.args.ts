import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, Min } from 'class-validator';
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
}
