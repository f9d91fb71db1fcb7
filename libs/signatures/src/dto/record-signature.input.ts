import { Field, ID, InputType } from '@nestjs/graphql';
import { MultilineText, TEXT_LIMITS } from '@accord/common';
import { IsDate, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

@InputType()
export class RecordSignatureInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'documentId must be a valid id' })
  documentId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'participantId must be a valid id' })
  participantId: string;

  @Field(() => Date, {
    nullable: true,
    description: 'When it was signed: not in the future, not before adoption; now by default',
  })
  @IsOptional()
  @IsDate({ message: 'signedAt must be a date and time' })
  signedAt?: Date | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'meetingId must be a valid id' })
  meetingId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.statement)
  @MultilineText()
  statement?: string | null;
}
