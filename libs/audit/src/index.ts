export * from './audit.module';
export * from './audit.service';
export * from './audit-event.entity';
export * from './models/audit-event.model';
export { AuditResolver } from './audit.resolver';
export * from './audit-chain-verifier';
export { AuditCheckpointEntity } from './checkpoints/audit-checkpoint.entity';
export { checkpointKey, CHECKPOINT_KEY_FILE } from './checkpoints/checkpoint-key';
export { checkpointMacValid } from './checkpoints/checkpoint-mac';
export {
  CHECKPOINT_EVERY_EVENTS,
  CHECKPOINT_EVERY_MS,
} from './checkpoints/audit-checkpoints.service';
export { auditHash } from './audit-hash';
