import { ArgsType, Field, ID } from '@nestjs/graphql';
import { PlainText } from '@accord/common';
import { IsDate, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

@ArgsType()
export class StartSilenceArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'documentId must be a valid id' })
  documentId: string;

  @Field(() => Date, { description: 'In the future, at most a year ahead' })
  @IsDate({ message: 'deadline must be a date and time' })
  deadline: Date;

  @Field(() => String, {
    nullable: true,
    description:
      'The IANA time zone the deadline is announced in; by default the next meeting’s, or UTC',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @PlainText()
  timezone?: string | null;
}
