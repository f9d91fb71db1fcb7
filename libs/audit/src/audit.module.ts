import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, APP_CONFIG } from '@accord/common';
import { AuditEventEntity } from './audit-event.entity';
import { AuditRepository } from './audit.repository';
import { AuditCheckpointedHeadEntity, AuditStreamEntity } from './audit-stream.entity';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';
import { AuditCheckpointEntity } from './checkpoints/audit-checkpoint.entity';
import { AuditCheckpointScheduler } from './checkpoints/audit-checkpoint.scheduler';
import { AuditCheckpointsRepository } from './checkpoints/audit-checkpoints.repository';
import {
  AUDIT_CHECKPOINT_KEY,
  AuditCheckpointsService,
} from './checkpoints/audit-checkpoints.service';
import { checkpointKey } from './checkpoints/checkpoint-key';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      AuditEventEntity,
      AuditCheckpointEntity,
      AuditStreamEntity,
      AuditCheckpointedHeadEntity,
    ]),
  ],
  providers: [
    AuditRepository,
    AuditService,
    AuditResolver,
    AuditCheckpointsRepository,
    AuditCheckpointsService,
    AuditCheckpointScheduler,
    {
      provide: AUDIT_CHECKPOINT_KEY,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => checkpointKey(config),
    },
  ],
  exports: [AuditService],
})
export class AuditModule {}
