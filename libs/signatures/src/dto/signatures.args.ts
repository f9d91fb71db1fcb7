import { ArgsType, Field } from '@nestjs/graphql';
import { IsBoolean } from 'class-validator';

@ArgsType()
export class SignaturesArgs {
  @Field(() => Boolean, { defaultValue: false, description: 'Include withdrawn signatures' })
  @IsBoolean()
  includeWithdrawn: boolean;
}
