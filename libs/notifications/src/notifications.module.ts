import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NOTIFIER } from '@accord/common';
import { AuditModule } from '@accord/audit';
import { MeetingsModule } from '@accord/meetings';
import { DeliveryService } from './delivery.service';
import { NotificationDeliveryEntity } from './notification-delivery.entity';
import { NotificationPreferenceEntity } from './notification-preference.entity';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';
import { PreferencesService } from './preferences.service';
import { UnsubscribeController } from './unsubscribe.controller';

export const NOTIFICATION_ENTITIES = [NotificationDeliveryEntity, NotificationPreferenceEntity];

/**
 * Emails: the outbox (written through the NOTIFIER port, global, in the change's transaction),
 * its delivery worker on the job queue, preferences, and the secretariat's delivery view.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(NOTIFICATION_ENTITIES), AuditModule, MeetingsModule],
  controllers: [UnsubscribeController],
  providers: [
    NotificationsRepository,
    NotificationsService,
    { provide: NOTIFIER, useExisting: NotificationsService },
    DeliveryService,
    PreferencesService,
    NotificationsResolver,
  ],
  exports: [NOTIFIER, NotificationsService, DeliveryService],
})
export class NotificationsModule {}
