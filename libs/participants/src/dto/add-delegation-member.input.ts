import { Field, ID, InputType } from '@nestjs/graphql';
import { DelegationRole } from '@accord/common';
import { IsEnum, IsUUID } from 'class-validator';

@InputType()
export class AddDelegationMemberInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'participantId must be a valid id' })
  participantId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'userId must be a valid id' })
  userId: string;

  @Field(() => DelegationRole)
  @IsEnum(DelegationRole)
  role: DelegationRole;
}
