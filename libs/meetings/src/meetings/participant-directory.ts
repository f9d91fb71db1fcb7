import { Injectable } from '@nestjs/common';
import { DomainException } from '@accord/common';
import { ParticipantByIdLoader, ParticipantEntity } from '@accord/participants';

/**
 * Participants by id in one query, through the participants library's own batch loader (a
 * fresh one per call, so nothing is cached across requests).
 */
@Injectable()
export class ParticipantDirectory {
  constructor(private readonly byId: ParticipantByIdLoader) {}

  async getByIds(ids: readonly string[]): Promise<Map<string, ParticipantEntity>> {
    if (!ids.length) return new Map();
    const rows = await this.byId.create().loadMany(ids);
    const found = new Map<string, ParticipantEntity>();
    for (const row of rows) if (row && !(row instanceof Error)) found.set(row.id, row);
    return found;
  }

  /** All of them, or NOT_FOUND naming the field. */
  async requireAll(ids: readonly string[], field: string): Promise<Map<string, ParticipantEntity>> {
    const found = await this.getByIds(ids);
    const missing = ids.find((id) => !found.has(id));
    if (missing) {
      throw DomainException.notFound(`Participant ${missing}`, field);
    }
    return found;
  }
}
