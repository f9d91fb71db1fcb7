import { Injectable } from '@nestjs/common';
import { groupByKeys, LoaderFactory, RequestLoaders } from '@accord/common';
import { ParticipantByIdLoader } from '@accord/participants';
import DataLoader from 'dataloader';
import { PublicSignatures, PublicSignaturesCache } from '../public-signatures.cache';
import { SignatureEntity } from '../signature.entity';
import { SignaturesRepository } from '../signatures.repository';

/** Every signature of a document, withdrawn ones included (resolvers filter), in signing order. */
export type SignaturesByDocumentLoaderInstance = DataLoader<string, SignatureEntity[]>;

/**
 * Published documents are answered from PublicSignaturesCache when their data version (read
 * fresh, one small statement) matches, and their signers are handed to this request's
 * ParticipantByIdLoader, so a public list of signatories reads neither signatures nor
 * participants again. Other documents are read as they are.
 */
@Injectable()
export class SignaturesByDocumentLoader implements LoaderFactory<SignaturesByDocumentLoaderInstance> {
  constructor(
    private readonly signatures: SignaturesRepository,
    private readonly cache: PublicSignaturesCache,
  ) {}

  create(loaders: RequestLoaders): SignaturesByDocumentLoaderInstance {
    if (!this.cache.enabled) {
      return new DataLoader(async (ids) =>
        groupByKeys(ids, await this.signatures.ofDocuments(ids), (s) => s.documentId),
      );
    }
    return new DataLoader(async (ids) => {
      const versions = await this.signatures.publicVersions(ids);
      const found = new Map<string, PublicSignatures>();
      const missing: string[] = [];
      for (const id of ids) {
        const version = versions.get(id);
        const entry = version === undefined ? undefined : this.cache.entries.get(id, version);
        if (entry) found.set(id, entry);
        else missing.push(id);
      }
      if (missing.length) {
        const rows = await this.signatures.ofDocumentsWithSigners(missing);
        const groups = groupByKeys(missing, rows, (row) => row.signature.documentId);
        missing.forEach((id, i) => {
          const entry = {
            signatures: groups[i].map((row) => row.signature),
            participants: groups[i].map((row) => row.participant),
          };
          found.set(id, entry);
          const version = versions.get(id);
          if (version !== undefined)
            this.cache.entries.set(id, version, entry, entry.signatures.length + 1);
        });
      }
      const participants = loaders.get(ParticipantByIdLoader);
      for (const entry of found.values())
        for (const participant of entry.participants)
          participants.prime(participant.id, participant);
      return ids.map((id) => found.get(id)!.signatures);
    });
  }
}
