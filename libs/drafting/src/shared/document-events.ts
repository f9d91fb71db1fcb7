import { Inject, Injectable, Logger } from '@nestjs/common';
import { PUB_SUB } from '@accord/common';
import { PubSubEngine } from 'graphql-subscriptions';

export const DOCUMENT_CHANGED = 'documentChanged';

/** What travels through NOTIFY: an id only; subscribers read the current document. */
export interface DocumentChangedEvent {
  documentId: string;
}

/** Tells every API instance on the database that a document changed. */
@Injectable()
export class DocumentEvents {
  private readonly logger = new Logger(DocumentEvents.name);

  constructor(@Inject(PUB_SUB) private readonly pubSub: PubSubEngine) {}

  /**
   * Call after the change committed. A lost notification must not fail a change that is
   * already saved, so a failure is logged, not thrown.
   */
  async changed(documentId: string): Promise<void> {
    try {
      await this.pubSub.publish(DOCUMENT_CHANGED, { documentId } satisfies DocumentChangedEvent);
    } catch (error) {
      this.logger.error(
        `Could not publish the change of document ${documentId}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
