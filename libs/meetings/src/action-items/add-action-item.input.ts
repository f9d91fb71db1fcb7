import { Field, ID, InputType } from '@nestjs/graphql';
import { NameText, TEXT_LIMITS } from '@accord/common';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

@InputType()
export class AddActionItemInput {
  @Field()
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(TEXT_LIMITS.title)
  @NameText()
  title: string;

  @Field(() => ID, { nullable: true, description: 'The participant that owns the item' })
  @IsOptional()
  @IsUUID('all', { message: 'ownerId must be a valid id' })
  ownerId?: string | null;

  @Field(() => ID, { description: 'The meeting the item was raised at' })
  @IsUUID('all', { message: 'raisedAtId must be a valid id' })
  raisedAtId: string;

  @Field(() => ID, { nullable: true, description: 'A later meeting, where it is followed up' })
  @IsOptional()
  @IsUUID('all', { message: 'dueAtId must be a valid id' })
  dueAtId?: string | null;
}
