import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActionItemEntity } from './action-item.entity';
import { AgendaEntity } from './agenda.entity';
import { InvitationEntity } from './invitation.entity';
import { MeetingByIdLoader } from './loaders/meeting-by-id.loader';
import { MeetingHostEntity } from './meeting-host.entity';
import { MeetingEntity } from './meeting.entity';
import { MeetingsRepository } from './meetings.repository';

export const MEETING_ENTITIES = [
  MeetingEntity,
  MeetingHostEntity,
  InvitationEntity,
  ActionItemEntity,
  AgendaEntity,
];

@Module({
  imports: [TypeOrmModule.forFeature(MEETING_ENTITIES)],
  providers: [MeetingsRepository, MeetingByIdLoader],
  exports: [MeetingByIdLoader],
})
export class MeetingsModule {}
