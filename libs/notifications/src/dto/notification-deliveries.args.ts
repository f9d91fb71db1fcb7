import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

@ArgsType()
export class NotificationDeliveriesArgs {
  @Field(() => Int, { nullable: true, defaultValue: 50, description: 'At most 200' })
  @IsInt({ message: 'first must be a whole number' })
  @Min(1, { message: 'first must be at least 1' })
  @Max(200, { message: 'first must be at most 200' })
  first: number = 50;

  @Field(() => String, {
    nullable: true,
    description: 'The id of the last delivery of the previous page (newest first)',
  })
  @IsOptional()
  @IsUUID('all', { message: 'after must be a valid id' })
  after?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'meetingId must be a valid id' })
  meetingId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'documentId must be a valid id' })
  documentId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'recipientId must be a valid id' })
  recipientId?: string | null;
}
