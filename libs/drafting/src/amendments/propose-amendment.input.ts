import { Field, ID, InputType } from '@nestjs/graphql';
import { AmendmentKind, ClauseKind, MultilineText, TEXT_LIMITS } from '@accord/common';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

@InputType()
export class ProposeAmendmentInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'clauseId must be a valid id' })
  clauseId: string;

  @Field(() => AmendmentKind)
  @IsEnum(AmendmentKind)
  kind: AmendmentKind;

  @Field(() => String, {
    nullable: true,
    description: 'The new text (REPLACE) or the new clause (INSERT_AFTER); none for DELETE',
  })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.clauseText)
  @MultilineText()
  text?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.rationale)
  @MultilineText()
  rationale?: string | null;

  @Field(() => ClauseKind, {
    nullable: true,
    description:
      'INSERT_AFTER only: the kind of the new clause; by default the kind of the clause it follows (OPERATIVE after a heading)',
  })
  @IsOptional()
  @IsEnum(ClauseKind)
  clauseKind?: ClauseKind | null;
}
