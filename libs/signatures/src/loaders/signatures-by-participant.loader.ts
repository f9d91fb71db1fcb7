import { Injectable } from '@nestjs/common';
import { groupByKeys, LoaderFactory } from '@accord/common';
import DataLoader from 'dataloader';
import { SignatureEntity } from '../signature.entity';
import { SignaturesRepository } from '../signatures.repository';

/** Every signature given for a participant, withdrawn ones included, in signing order. */
export type SignaturesByParticipantLoaderInstance = DataLoader<string, SignatureEntity[]>;

@Injectable()
export class SignaturesByParticipantLoader implements LoaderFactory<SignaturesByParticipantLoaderInstance> {
  constructor(private readonly signatures: SignaturesRepository) {}

  create(): SignaturesByParticipantLoaderInstance {
    return new DataLoader(async (ids) =>
      groupByKeys(ids, await this.signatures.ofParticipants(ids), (s) => s.participantId),
    );
  }
}
