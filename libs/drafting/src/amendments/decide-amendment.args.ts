import { ArgsType, Field } from '@nestjs/graphql';
import { MultilineText, TEXT_LIMITS } from '@accord/common';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { AmendmentIdArgs } from './amendment-id.args';

@ArgsType()
export class DecideAmendmentArgs extends AmendmentIdArgs {
  @Field(() => String, { nullable: true, description: 'The secretariat’s note on its decision' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.note)
  @MultilineText()
  note?: string | null;
}
