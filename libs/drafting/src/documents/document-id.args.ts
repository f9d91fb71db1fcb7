import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@ArgsType()
export class DocumentIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'documentId must be a valid id' })
  documentId: string;
}
