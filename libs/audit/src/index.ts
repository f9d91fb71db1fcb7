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
export { auditHash, AUDIT_HASH_V1, AUDIT_HASH_V2 } from './audit-hash';
export { auditStreamOf, PLATFORM_STREAM } from './audit-stream';
export { AuditStreamEntity, AuditCheckpointedHeadEntity } from './audit-stream.entity';
export { checkpointMac } from './checkpoints/checkpoint-mac';
