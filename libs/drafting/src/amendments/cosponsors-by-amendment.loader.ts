import { Injectable } from '@nestjs/common';
import { groupByKeys, LoaderFactory } from '@accord/common';
import DataLoader from 'dataloader';
import { AmendmentCosponsorEntity } from './amendment-cosponsor.entity';
import { AmendmentsRepository } from './amendments.repository';

export type CosponsorsByAmendmentLoaderInstance = DataLoader<string, AmendmentCosponsorEntity[]>;

@Injectable()
export class CosponsorsByAmendmentLoader implements LoaderFactory<CosponsorsByAmendmentLoaderInstance> {
  constructor(private readonly amendments: AmendmentsRepository) {}

  create(): CosponsorsByAmendmentLoaderInstance {
    return new DataLoader(async (ids) =>
      groupByKeys(ids, await this.amendments.cosponsorsOf(ids), (c) => c.amendmentId),
    );
  }
}
