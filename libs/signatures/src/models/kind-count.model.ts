import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ParticipantKind } from '@accord/common';

/** Active signatures of one participant kind (Document.signatureCountsByKind). */
@ObjectType('KindCount')
export class KindCountModel {
  @Field(() => ParticipantKind)
  kind: ParticipantKind;

  @Field(() => Int)
  count: number;
}
