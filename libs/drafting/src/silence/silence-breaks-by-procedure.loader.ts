import { Injectable } from '@nestjs/common';
import { groupByKeys, LoaderFactory } from '@accord/common';
import DataLoader from 'dataloader';
import { SilenceBreakEntity } from './silence-break.entity';
import { SilenceRepository } from './silence.repository';

export type SilenceBreaksByProcedureLoaderInstance = DataLoader<string, SilenceBreakEntity[]>;

@Injectable()
export class SilenceBreaksByProcedureLoader implements LoaderFactory<SilenceBreaksByProcedureLoaderInstance> {
  constructor(private readonly procedures: SilenceRepository) {}

  create(): SilenceBreaksByProcedureLoaderInstance {
    return new DataLoader(async (ids) =>
      groupByKeys(ids, await this.procedures.breaksOf(ids), (b) => b.procedureId),
    );
  }
}
