import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';

@ArgsType()
export class RefreshSessionArgs {
  @Field()
  @IsString()
  @MaxLength(200)
  refreshToken: string;
}
