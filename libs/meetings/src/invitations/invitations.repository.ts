import { Injectable } from '@nestjs/common';
import { InvitationStatus, TransactionHost, TypeOrmAdapter } from '@accord/common';
import { In } from 'typeorm';
import { InvitationEntity } from './invitation.entity';

@Injectable()
export class InvitationsRepository {
  constructor(private readonly txHost: TransactionHost<TypeOrmAdapter>) {}

  private get invitations() {
    return this.txHost.tx.getRepository(InvitationEntity);
  }

  of(meetingIds: readonly string[]): Promise<InvitationEntity[]> {
    return this.invitations.find({
      where: { meetingId: In([...meetingIds]) },
      order: { meetingId: 'ASC', createdAt: 'ASC', participantId: 'ASC' },
    });
  }

  get(meetingId: string, participantId: string): Promise<InvitationEntity | null> {
    return this.invitations.findOneBy({ meetingId, participantId });
  }

  /** Invites those not invited yet (an existing invitation keeps its status); returns who was added. */
  async insertMissing(meetingId: string, participantIds: readonly string[]): Promise<string[]> {
    const result = await this.invitations
      .createQueryBuilder()
      .insert()
      .values(participantIds.map((participantId) => ({ meetingId, participantId })))
      .orIgnore()
      .returning(['participantId'])
      .execute();
    return (result.raw as { participantId: string }[]).map((r) => r.participantId);
  }

  async setStatus(
    meetingId: string,
    participantIds: readonly string[],
    status: InvitationStatus,
    respondedAt: Date | null,
  ): Promise<void> {
    await this.invitations.update(
      { meetingId, participantId: In([...participantIds]) },
      respondedAt ? { status, respondedAt } : { status },
    );
  }
}
