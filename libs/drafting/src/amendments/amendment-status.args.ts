import { ArgsType, Field } from '@nestjs/graphql';
import { AmendmentStatus } from '@accord/common';
import { IsEnum, IsOptional } from 'class-validator';

/** The optional status filter of Document.amendments and Clause.amendments. */
@ArgsType()
export class AmendmentStatusArgs {
  @Field(() => AmendmentStatus, { nullable: true })
  @IsOptional()
  @IsEnum(AmendmentStatus)
  status?: AmendmentStatus | null;
}
