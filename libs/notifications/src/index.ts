export * from './notifications.module';
export * from './notifications.service';
export * from './delivery.service';
export * from './notification-delivery.entity';
export * from './notification-preference.entity';
export { NotificationsResolver } from './notifications.resolver';
export { unsubscribeToken } from './unsubscribe-token';
export { DELIVER_QUEUE, DIGEST_QUEUE } from './queues';
