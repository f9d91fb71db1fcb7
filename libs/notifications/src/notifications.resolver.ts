import { Args, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, CurrentUser, GraphQLRequestContext, loaderOf, Permission } from '@accord/common';
import { UserByIdLoader, UserModel } from '@accord/auth';
import { NotificationDeliveriesArgs } from './dto/notification-deliveries.args';
import { SetNotificationPreferencesArgs } from './dto/set-notification-preferences.args';
import {
  NotificationDeliveryModel,
  NotificationPreferenceModel,
} from './models/notification.models';
import { PreferencesService } from './preferences.service';

@Resolver(() => NotificationDeliveryModel)
export class NotificationsResolver {
  constructor(private readonly preferences: PreferencesService) {}

  @Query(() => [NotificationPreferenceModel], {
    description: 'The caller’s email preferences, one per kind',
  })
  @Permission('notification.preferences')
  myNotificationPreferences(
    @CurrentUser() actor: Actor | null,
  ): Promise<NotificationPreferenceModel[]> {
    return this.preferences.preferences(actor);
  }

  @Mutation(() => [NotificationPreferenceModel], {
    description: 'Turns kinds of email on or off; returns every kind',
  })
  @Permission('notification.preferences')
  setNotificationPreferences(
    @CurrentUser() actor: Actor | null,
    @Args() { preferences }: SetNotificationPreferencesArgs,
  ): Promise<NotificationPreferenceModel[]> {
    return this.preferences.setPreferences(actor, preferences);
  }

  @Mutation(() => UserModel, {
    description: 'The language of the caller’s emails and platform: en or fr',
  })
  @Permission('notification.preferences')
  async setMyLanguage(
    @CurrentUser() actor: Actor | null,
    @Args('language') language: string,
  ): Promise<UserModel> {
    await this.preferences.setLanguage(actor, language);
    return UserModel.fromActor({ ...actor!, language: language.trim().toLowerCase() });
  }

  @Mutation(() => UserModel, {
    description:
      'The time zone (IANA, e.g. Europe/Paris) the caller reads times in, in emails beside the ' +
      'announced zone; null or empty: UTC',
  })
  @Permission('notification.preferences')
  async setMyTimezone(
    @CurrentUser() actor: Actor | null,
    @Args('timezone', { type: () => String, nullable: true }) timezone: string | null,
  ): Promise<UserModel> {
    const zone = await this.preferences.setTimezone(actor, timezone);
    return UserModel.fromActor({ ...actor!, timezone: zone });
  }

  @Query(() => [NotificationDeliveryModel], {
    description: 'The secretariat’s view of emails and their delivery, newest first',
  })
  @Permission('notification.deliveries')
  notificationDeliveries(
    @CurrentUser() actor: Actor | null,
    @Args() args: NotificationDeliveriesArgs,
  ): Promise<NotificationDeliveryModel[]> {
    return this.preferences.deliveries(actor, args);
  }

  @ResolveField(() => UserModel)
  async recipient(
    delivery: NotificationDeliveryModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<UserModel> {
    const user = await loaderOf(context, UserByIdLoader).load(delivery.recipientId);
    return UserModel.from(user!);
  }
}
