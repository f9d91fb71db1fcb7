import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';

@ArgsType()
export class ConfirmTotpArgs {
  @Field({ description: 'The 6-digit code the authenticator app shows now' })
  @IsString()
  @MaxLength(16)
  code: string;
}
