import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DelegationRole, PageInfo, ParticipantKind } from '@accord/common';
import { ParticipantEntity } from '../participant.entity';
import type { ParticipantQuery } from '../participants.repository';

@ObjectType('Participant')
export class ParticipantModel {
  @Field(() => ID)
  id: string;

  @Field(() => ParticipantKind)
  kind: ParticipantKind;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  shortName: string | null;

  @Field(() => String, { nullable: true })
  countryCode: string | null;

  static from(entity: ParticipantEntity): ParticipantModel {
    const model = new ParticipantModel();
    model.id = entity.id;
    model.kind = entity.kind;
    model.name = entity.name;
    model.shortName = entity.shortName;
    model.countryCode = entity.countryCode;
    return model;
  }
}

@ObjectType('ParticipantEdge')
export class ParticipantEdge {
  @Field(() => ParticipantModel)
  node: ParticipantModel;

  @Field()
  cursor: string;
}

@ObjectType('ParticipantConnection')
export class ParticipantConnection {
  @Field(() => [ParticipantEdge])
  edges: ParticipantEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  /** The filter of this page: totalCount is counted only when a client asks for it. */
  filter: ParticipantQuery;
}

/** A user's place in a delegation, seen from the user (User.delegation). */
@ObjectType('DelegationMembership')
export class DelegationMembershipModel {
  participantId: string;

  @Field(() => DelegationRole)
  role: DelegationRole;
}

/** A member, seen from the delegation (Participant.members). */
@ObjectType('DelegationMember')
export class DelegationMemberModel {
  userId: string;
  participantId: string;

  @Field(() => DelegationRole)
  role: DelegationRole;
}
