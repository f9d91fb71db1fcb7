import { Injectable } from '@nestjs/common';
import { AmendmentStatus, TransactionHost, TypeOrmAdapter } from '@accord/common';
import { In } from 'typeorm';
import { AmendmentCosponsorEntity } from './amendment-cosponsor.entity';
import { AmendmentEntity } from './amendment.entity';

export type NewAmendment = Pick<
  AmendmentEntity,
  | 'documentId'
  | 'clauseId'
  | 'kind'
  | 'clauseKind'
  | 'text'
  | 'rationale'
  | 'proposerId'
  | 'proposedById'
  | 'baseClauseVersion'
>;

export type AmendmentChanges = Partial<
  Pick<
    AmendmentEntity,
    'status' | 'text' | 'baseClauseVersion' | 'decidedAt' | 'decidedById' | 'decisionNote'
  >
>;

@Injectable()
export class AmendmentsRepository {
  constructor(private readonly txHost: TransactionHost<TypeOrmAdapter>) {}

  private get amendments() {
    return this.txHost.tx.getRepository(AmendmentEntity);
  }

  private get cosponsors() {
    return this.txHost.tx.getRepository(AmendmentCosponsorEntity);
  }

  getById(id: string): Promise<AmendmentEntity | null> {
    return this.amendments.findOneBy({ id });
  }

  create(amendment: NewAmendment): Promise<AmendmentEntity> {
    return this.amendments.save(this.amendments.create(amendment));
  }

  async update(id: string, changes: AmendmentChanges): Promise<AmendmentEntity> {
    await this.amendments.update({ id }, changes);
    return this.amendments.findOneByOrFail({ id });
  }

  ofDocuments(documentIds: readonly string[]): Promise<AmendmentEntity[]> {
    return this.amendments.find({
      where: { documentId: In([...documentIds]) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  ofClauses(clauseIds: readonly string[]): Promise<AmendmentEntity[]> {
    return this.amendments.find({
      where: { clauseId: In([...clauseIds]) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  countProposed(documentId: string): Promise<number> {
    return this.amendments.countBy({ documentId, status: AmendmentStatus.PROPOSED });
  }

  cosponsorsOf(amendmentIds: readonly string[]): Promise<AmendmentCosponsorEntity[]> {
    return this.cosponsors.find({
      where: { amendmentId: In([...amendmentIds]) },
      order: { createdAt: 'ASC' },
    });
  }

  async isCosponsor(amendmentId: string, participantId: string): Promise<boolean> {
    return (await this.cosponsors.countBy({ amendmentId, participantId })) > 0;
  }

  addCosponsor(
    cosponsor: Pick<AmendmentCosponsorEntity, 'amendmentId' | 'participantId' | 'cosponsoredById'>,
  ): Promise<AmendmentCosponsorEntity> {
    return this.cosponsors.save(this.cosponsors.create(cosponsor));
  }
}
