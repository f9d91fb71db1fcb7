import { ArgsType, Field } from '@nestjs/graphql';
import { DocumentStatus } from '@accord/common';
import { IsEnum, IsOptional } from 'class-validator';

@ArgsType()
export class DocumentsArgs {
  @Field(() => DocumentStatus, { nullable: true })
  @IsOptional()
  @IsEnum(DocumentStatus)
  status?: DocumentStatus | null;
}
