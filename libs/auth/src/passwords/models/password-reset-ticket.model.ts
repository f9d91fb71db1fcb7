import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('PasswordResetTicket')
export class PasswordResetTicketModel {
  @Field({ description: 'Pass it to the user; resetPassword accepts it once. Shown only here.' })
  token: string;

  @Field()
  expiresAt: Date;
}
