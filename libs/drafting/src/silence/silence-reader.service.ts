import { Injectable } from '@nestjs/common';

import { SilenceStatus } from './silence-status';
import { SilenceRepository } from './silence.repository';

/** A silence procedure that ended (CONCLUDED or BROKEN), as an agenda reports it. */
export interface EndedSilenceProcedure {
  id: string;
  documentId: string;
  documentTitle: string;
  status: SilenceStatus.CONCLUDED | SilenceStatus.BROKEN;
  endedAt: Date;
  timezone: string;
  /** The participants that broke silence. */
  brokenByIds: string[];
}

/** What other libraries (meetings) may read of silence procedures. */
@Injectable()
export class SilenceReader {
  constructor(private readonly procedures: SilenceRepository) {}

  /** Procedures CONCLUDED or BROKEN in [since, until) (since null: from the start). */
  async endedBetween(since: Date | null, until: Date): Promise<EndedSilenceProcedure[]> {
    const ended = await this.procedures.endedBetween(since, until);
    const breaks = ended.length ? await this.procedures.breaksOf(ended.map((p) => p.id)) : [];
    return ended.map((p) => ({
      id: p.id,
      documentId: p.documentId,
      documentTitle: p.documentTitle,
      status: p.status as EndedSilenceProcedure['status'],
      endedAt: p.concludedAt!,
      timezone: p.timezone,
      brokenByIds: breaks.filter((b) => b.procedureId === p.id).map((b) => b.participantId),
    }));
  }
}
