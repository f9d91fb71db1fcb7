import { Injectable } from '@nestjs/common';
import { TransactionHost, TypeOrmAdapter } from '@accord/common';
import { In } from 'typeorm';
import { MeetingEntity } from './meeting.entity';

@Injectable()
export class MeetingsRepository {
  constructor(private readonly txHost: TransactionHost<TypeOrmAdapter>) {}

  private get meetings() {
    return this.txHost.tx.getRepository(MeetingEntity);
  }

  getById(id: string): Promise<MeetingEntity | null> {
    return this.meetings.findOneBy({ id });
  }

  getByIds(ids: readonly string[]): Promise<MeetingEntity[]> {
    return this.meetings.findBy({ id: In([...ids]) });
  }
}
