import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@accord/audit';
import { DraftingModule } from '@accord/drafting';
import { ParticipantsModule } from '@accord/participants';
import { ActionItemEntity } from './action-item.entity';
import { ActionItemFieldsResolver } from './action-item-fields.resolver';
import { ActionItemsRepository } from './action-items.repository';
import { ActionItemsResolver } from './action-items.resolver';
import { ActionItemsService } from './action-items.service';
import { AgendaController } from './agenda.controller';
import { AgendaDownloadsService } from './agenda-downloads.service';
import { AgendaEntity } from './agenda.entity';
import { AgendaFieldsResolver } from './agenda-fields.resolver';
import { AgendaItemFieldsResolver } from './agenda-item-fields.resolver';
import { AgendaStateService } from './agenda-state.service';
import { AgendasRepository } from './agendas.repository';
import { AgendasResolver } from './agendas.resolver';
import { AgendasService } from './agendas.service';
import { InvitationEntity } from './invitation.entity';
import { InvitationFieldsResolver } from './invitation-fields.resolver';
import { InvitationsRepository } from './invitations.repository';
import { InvitationsService } from './invitations.service';
import { ActionItemsByDueMeetingLoader } from './loaders/action-items-by-due-meeting.loader';
import { ClauseRefByIdLoader } from './loaders/clause-ref-by-id.loader';
import { HostsByMeetingLoader } from './loaders/hosts-by-meeting.loader';
import { InvitationsByMeetingLoader } from './loaders/invitations-by-meeting.loader';
import { LatestAgendaLoader } from './loaders/latest-agenda.loader';
import { MeetingByIdLoader } from './loaders/meeting-by-id.loader';
import { NextMeetingLoader } from './loaders/next-meeting.loader';
import { PublishedAgendaLoader } from './loaders/published-agenda.loader';
import { MeetingFieldsResolver } from './meeting-fields.resolver';
import { MeetingHostEntity } from './meeting-host.entity';
import { MeetingEntity } from './meeting.entity';
import { MeetingsRepository } from './meetings.repository';
import { MeetingsResolver } from './meetings.resolver';
import { MeetingsService } from './meetings.service';
import { ParticipantDirectory } from './participant-directory';

export const MEETING_ENTITIES = [
  MeetingEntity,
  MeetingHostEntity,
  InvitationEntity,
  ActionItemEntity,
  AgendaEntity,
];

const REPOSITORIES = [
  MeetingsRepository,
  InvitationsRepository,
  ActionItemsRepository,
  AgendasRepository,
];

const SERVICES = [
  ParticipantDirectory,
  MeetingsService,
  InvitationsService,
  ActionItemsService,
  AgendaStateService,
  AgendasService,
  AgendaDownloadsService,
];

const LOADERS = [
  MeetingByIdLoader,
  NextMeetingLoader,
  HostsByMeetingLoader,
  InvitationsByMeetingLoader,
  ActionItemsByDueMeetingLoader,
  LatestAgendaLoader,
  PublishedAgendaLoader,
  ClauseRefByIdLoader,
];

const RESOLVERS = [
  MeetingsResolver,
  MeetingFieldsResolver,
  InvitationFieldsResolver,
  ActionItemsResolver,
  ActionItemFieldsResolver,
  AgendasResolver,
  AgendaFieldsResolver,
  AgendaItemFieldsResolver,
];

/** SIGNATORIES_LOOKUP comes from the (global) signatures module, which depends on this one. */
@Module({
  imports: [
    TypeOrmModule.forFeature(MEETING_ENTITIES),
    AuditModule,
    ParticipantsModule,
    DraftingModule,
  ],
  controllers: [AgendaController],
  providers: [...REPOSITORIES, ...SERVICES, ...LOADERS, ...RESOLVERS],
  exports: [
    MeetingByIdLoader,
    MeetingsService,
    InvitationsService,
    ActionItemsService,
    AgendasService,
    AgendaDownloadsService,
  ],
})
export class MeetingsModule {}
