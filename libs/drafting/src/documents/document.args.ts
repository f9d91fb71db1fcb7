import { ArgsType, Field, ID } from '@nestjs/graphql';
import { TEXT_LIMITS } from '@accord/common';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

@ArgsType()
export class DocumentArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'id must be a valid id' })
  id?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.slug)
  slug?: string | null;
}
