import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The head of each stream's chain. Appending locks this row (FOR UPDATE) until the writer's
 * transaction commits: writers of one stream take turns, writers of different streams do not
 * wait for each other. Not evidence by itself: the verifier checks it against the events.
 */
@Entity('audit_streams')
export class AuditStreamEntity {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  stream: string;

  /** Number of events in the stream (the seq of its head); 0 while empty. */
  @Column({ type: 'bigint' })
  seq: string;

  @Column({ type: 'bigint', nullable: true })
  headId: string | null;

  @Column({ type: 'char', length: 64, nullable: true })
  headHash: string | null;
}

/**
 * What the newest checkpoint covers of each stream, so that the next checkpoint signs only the
 * streams that moved. Written by checkpoint writers only (one at a time); the verifier rebuilds
 * it from the signed checkpoints and never trusts this copy.
 */
@Entity('audit_checkpointed_heads')
export class AuditCheckpointedHeadEntity {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  stream: string;

  @Column({ type: 'bigint' })
  seq: string;
}
