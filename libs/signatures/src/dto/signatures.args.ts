import { ArgsType, Field } from '@nestjs/graphql';
import { IsBoolean, IsOptional } from 'class-validator';

@ArgsType()
export class SignaturesArgs {
  // Nullable with a default, as the contract says; an explicit null means false.
  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Include withdrawn signatures',
  })
  @IsOptional()
  @IsBoolean()
  includeWithdrawn?: boolean | null;
}
