import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import {
  APP_CONFIG,
  AppConfig,
  DOCUMENT_DATA_CHANGED,
  DocumentDataChangedEvent,
  PUB_SUB,
  VersionedCache,
} from '@accord/common';
import { ParticipantEntity } from '@accord/participants';
import { PubSubEngine } from 'graphql-subscriptions';
import { SignatureEntity } from './signature.entity';

/** Every signature of one published document (withdrawn ones included) and its signers. */
export interface PublicSignatures {
  signatures: SignatureEntity[];
  participants: ParticipantEntity[];
}

/**
 * The signatures of documents the public may read, per document, keyed by the document's data
 * version (bumped in the database with every signature, withdrawal or change of the document
 * row). Only documents `can(null, 'document.read')` allows are stored: nothing here is beyond
 * what anyone may see, and each caller's own permission checks still run on every read. The
 * entries are shared by requests: read them, never change them.
 *
 * The version check makes it exact; the notification from the database (on the channel that
 * links instances) only frees an entry at once instead of when it would next be missed.
 */
@Injectable()
export class PublicSignaturesCache implements OnModuleInit, OnModuleDestroy {
  readonly entries: VersionedCache<PublicSignatures>;
  private subscription: number | null = null;

  constructor(
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.entries = new VersionedCache(config.publicCacheMaxRows);
  }

  get enabled(): boolean {
    return this.entries.maxWeight > 0;
  }

  async onModuleInit(): Promise<void> {
    this.subscription = await this.pubSub.subscribe(
      DOCUMENT_DATA_CHANGED,
      (event: Partial<DocumentDataChangedEvent> | null) => {
        if (typeof event?.documentId === 'string') this.entries.evict(event.documentId);
      },
      {},
    );
  }

  onModuleDestroy(): void {
    if (this.subscription !== null) this.pubSub.unsubscribe(this.subscription);
  }
}
