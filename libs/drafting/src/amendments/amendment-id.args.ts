import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@ArgsType()
export class AmendmentIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'amendmentId must be a valid id' })
  amendmentId: string;
}
