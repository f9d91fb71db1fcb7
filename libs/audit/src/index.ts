export * from './audit.module';
export * from './audit.service';
export * from './audit-event.entity';
export * from './models/audit-event.model';
export { AuditResolver } from './audit.resolver';
