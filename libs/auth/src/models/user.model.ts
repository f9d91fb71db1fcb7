import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Actor, PlatformRole } from '@accord/common';
import { UserEntity } from '../user.entity';

@ObjectType('User')
export class UserModel {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field()
  displayName: string;

  @Field(() => PlatformRole)
  platformRole: PlatformRole;

  @Field(() => Date, { nullable: true, description: 'Set when an admin disabled the account' })
  disabledAt: Date | null;

  static fromActor(actor: Actor): UserModel {
    const { id, email, displayName, platformRole } = actor;
    return Object.assign(new UserModel(), {
      id,
      email,
      displayName,
      platformRole,
      disabledAt: null,
    });
  }

  static from(entity: UserEntity): UserModel {
    return Object.assign(new UserModel(), {
      id: entity.id,
      email: entity.email,
      displayName: entity.displayName,
      platformRole: entity.platformRole,
      disabledAt: entity.disabledAt,
    });
  }
}

@ObjectType('AuthPayload')
export class AuthPayloadModel {
  @Field({ description: 'Send as `Authorization: Bearer …`; lives JWT_TTL' })
  accessToken: string;

  @Field()
  accessTokenExpiresAt: Date;

  @Field({ description: 'Single use: exchange it with refreshSession for new tokens' })
  refreshToken: string;

  @Field(() => UserModel)
  user: UserModel;

  static from(
    issued: { accessToken: string; accessTokenExpiresAt: Date; refreshToken: string },
    user: UserModel,
  ): AuthPayloadModel {
    const { accessToken, accessTokenExpiresAt, refreshToken } = issued;
    return Object.assign(new AuthPayloadModel(), {
      accessToken,
      accessTokenExpiresAt,
      refreshToken,
      user,
    });
  }
}
