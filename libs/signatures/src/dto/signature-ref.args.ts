import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@ArgsType()
export class SignatureRefArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a valid id' })
  id: string;
}
