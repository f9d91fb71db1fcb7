import { MAX_PAGE_SIZE } from '@accord/common';
import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

@ArgsType()
export class UsersArgs {
  @Field(() => Int, { nullable: true, defaultValue: 50 })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number;

  @Field(() => String, { nullable: true, description: 'The email of the last user seen' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  after?: string | null;
}
