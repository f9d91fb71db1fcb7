import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@ArgsType()
export class CommentIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'commentId must be a valid id' })
  commentId: string;
}
