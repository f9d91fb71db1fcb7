import { Injectable } from '@nestjs/common';
import { TransactionHost, TypeOrmAdapter } from '@accord/common';
import { MeetingEntity } from '@accord/meetings';

/** The one thing signing needs of meetings: that the place named exists. */
@Injectable()
export class MeetingRefsRepository {
  constructor(private readonly txHost: TransactionHost<TypeOrmAdapter>) {}

  exists(id: string): Promise<boolean> {
    return this.txHost.tx.getRepository(MeetingEntity).existsBy({ id });
  }
}
