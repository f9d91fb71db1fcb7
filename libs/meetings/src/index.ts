export * from './meetings.module';
export * from './meeting.entity';
export * from './meeting-host.entity';
export * from './invitation.entity';
export * from './action-item.entity';
export * from './agenda.entity';
export * from './models/meeting.model';
export * from './loaders/meeting-by-id.loader';
