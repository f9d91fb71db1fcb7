import { Injectable } from '@nestjs/common';
import { TransactionHost, TypeOrmAdapter } from '@accord/common';
import { In } from 'typeorm';
import { MeetingHostEntity } from './meeting-host.entity';
import { MeetingEntity } from './meeting.entity';

export type MeetingFields = Pick<
  MeetingEntity,
  'title' | 'city' | 'venue' | 'timezone' | 'startsAt' | 'endsAt' | 'previousMeetingId'
>;

@Injectable()
export class MeetingsRepository {
  constructor(private readonly txHost: TransactionHost<TypeOrmAdapter>) {}

  private get meetings() {
    return this.txHost.tx.getRepository(MeetingEntity);
  }

  private get hosts() {
    return this.txHost.tx.getRepository(MeetingHostEntity);
  }

  getById(id: string): Promise<MeetingEntity | null> {
    return this.meetings.findOneBy({ id });
  }

  /** Reads the meeting and holds its row until the transaction ends, so that concurrent edits queue. */
  lockById(id: string): Promise<MeetingEntity | null> {
    return this.meetings.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  getByIds(ids: readonly string[]): Promise<MeetingEntity[]> {
    return this.meetings.findBy({ id: In([...ids]) });
  }

  list(): Promise<MeetingEntity[]> {
    return this.meetings.find({ order: { startsAt: 'ASC', id: 'ASC' } });
  }

  /** The meetings that follow the given ones (at most one each: previousMeetingId is unique). */
  followersOf(ids: readonly string[]): Promise<MeetingEntity[]> {
    return this.meetings.findBy({ previousMeetingId: In([...ids]) });
  }

  /** Ids of the meetings before this one, walking previousMeetingId back (a recursive query). */
  async ancestorIds(id: string): Promise<string[]> {
    const rows: { id: string }[] = await this.txHost.tx.query(
      `WITH RECURSIVE chain(id, previous, depth) AS (
         SELECT m.id, m."previousMeetingId", 0 FROM meetings m WHERE m.id = $1
         UNION ALL
         SELECT m.id, m."previousMeetingId", c.depth + 1
           FROM meetings m JOIN chain c ON m.id = c.previous
          WHERE c.depth < 10000
       )
       SELECT id FROM chain WHERE depth > 0`,
      [id],
    );
    return rows.map((r) => r.id);
  }

  create(fields: MeetingFields): Promise<MeetingEntity> {
    return this.meetings.save(this.meetings.create(fields));
  }

  save(meeting: MeetingEntity): Promise<MeetingEntity> {
    return this.meetings.save(meeting);
  }

  hostsOf(meetingIds: readonly string[]): Promise<MeetingHostEntity[]> {
    return this.hosts.find({
      where: { meetingId: In([...meetingIds]) },
      order: { meetingId: 'ASC', position: 'ASC' },
    });
  }

  async replaceHosts(meetingId: string, participantIds: readonly string[]): Promise<void> {
    await this.hosts.delete({ meetingId });
    await this.hosts.insert(
      participantIds.map((participantId, position) => ({ meetingId, participantId, position })),
    );
  }
}
