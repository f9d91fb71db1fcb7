import { Injectable } from '@nestjs/common';
import { AmendmentsRepository } from '../amendments/amendments.repository';
import { DocumentEntity } from '../documents/document.entity';
import { TextVersionsService } from '../versions/text-versions.service';
import { adoptionBlockers, AdoptionBlockers } from './adoption-check';

/**
 * Gathers what adoptionBlockers looks at for one document as it stands. Call with the document
 * row locked (adoption, and the start of a silence procedure, which must pass the same check).
 */
@Injectable()
export class AdoptionReadiness {
  constructor(
    private readonly amendments: AmendmentsRepository,
    private readonly texts: TextVersionsService,
  ) {}

  async check(
    document: DocumentEntity,
  ): Promise<{ blockers: AdoptionBlockers; reasons: string[] }> {
    const clauses = await this.texts.numbered(document.id);
    return adoptionBlockers(
      clauses.map(({ clause, number }) => ({ kind: clause.kind, number, text: clause.text })),
      await this.amendments.countProposed(document.id),
    );
  }
}
