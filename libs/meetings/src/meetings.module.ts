import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActionItemEntity } from './action-item.entity';
import { AgendaEntity } from './agenda.entity';
import { InvitationEntity } from './invitation.entity';
import { MeetingHostEntity } from './meeting-host.entity';
import { MeetingEntity } from './meeting.entity';

export const MEETING_ENTITIES = [
  MeetingEntity,
  MeetingHostEntity,
  InvitationEntity,
  ActionItemEntity,
  AgendaEntity,
];

@Module({
  imports: [TypeOrmModule.forFeature(MEETING_ENTITIES)],
})
export class MeetingsModule {}
