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

  @Field({ description: 'A second factor (TOTP) is on' })
  mfaEnabled: boolean;

  @Field(() => Date, { nullable: true, description: 'The last successful login' })
  lastLoginAt: Date | null;

  @Field({ description: 'BCP 47 code of the language the user reads the platform in' })
  language: string;

  @Field(() => String, {
    nullable: true,
    description: 'IANA time zone the user reads times in (their emails); null: UTC',
  })
  timezone: string | null;

  static fromActor(actor: Actor): UserModel {
    return Object.assign(new UserModel(), {
      id: actor.id,
      email: actor.email,
      displayName: actor.displayName,
      platformRole: actor.platformRole,
      disabledAt: null,
      mfaEnabled: actor.mfaEnabled ?? false,
      lastLoginAt: actor.lastLoginAt ?? null,
      language: actor.language ?? 'en',
      timezone: actor.timezone ?? null,
    });
  }

  static from(entity: UserEntity): UserModel {
    const model = new UserModel();
    model.id = entity.id;
    model.email = entity.email;
    model.displayName = entity.displayName;
    model.platformRole = entity.platformRole;
    model.disabledAt = entity.disabledAt;
    // A row just saved has not read the virtual column: it has no second factor yet.
    model.mfaEnabled = entity.mfaEnabled ?? false;
    model.lastLoginAt = entity.lastLoginAt ?? null;
    model.language = entity.language ?? 'en';
    model.timezone = entity.timezone ?? null;
    return model;
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
