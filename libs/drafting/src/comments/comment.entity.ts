import { UserEntity } from '@accord/auth';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { ClauseEntity } from '../clauses/clause.entity';

/** Threaded: a reply names its parent; only top-level comments are listed on a clause. */
@Entity('comments')
@Index(['clauseId'])
@Index(['parentId'])
export class CommentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  clauseId: string;

  @ManyToOne(() => ClauseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'clauseId' })
  clause?: ClauseEntity;

  @Column('uuid')
  documentId: string;

  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => CommentEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'parentId' })
  parent?: CommentEntity | null;

  @Column('uuid')
  authorId: string;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'authorId' })
  author?: UserEntity;

  /** The author's delegation when the comment was made. */
  @Column({ type: 'uuid', nullable: true })
  participantId: string | null;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'boolean', default: false })
  resolved: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  resolvedById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
