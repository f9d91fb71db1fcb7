import { ArgsType, Field } from '@nestjs/graphql';
import { TEXT_LIMITS } from '@accord/common';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { AmendmentIdArgs } from './amendment-id.args';

@ArgsType()
export class DecideAmendmentArgs extends AmendmentIdArgs {
  @Field(() => String, { nullable: true, description: 'The secretariat’s note on its decision' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.note)
  note?: string | null;
}
