import { ArgsType, Field } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ValidateNested } from 'class-validator';
import { NotificationPreferenceInput } from '../models/notification.models';

@ArgsType()
export class SetNotificationPreferencesArgs {
  @Field(() => [NotificationPreferenceInput], { description: 'One entry per kind to change' })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => NotificationPreferenceInput)
  preferences: NotificationPreferenceInput[];
}
