import { Inject, Injectable } from '@nestjs/common';
import {
  Actor,
  AgendaItemKind,
  DomainException,
  MeetingStatus,
  NOTIFIER,
  Notifier,
  TransactionHost,
  TypeOrmAdapter,
} from '@accord/common';
import { AuditService } from '@accord/audit';
import { DocumentEntity, DocumentsReader } from '@accord/drafting';
import { assertCan, can } from '@accord/policy';
import { isUUID } from 'class-validator';
import { AgendaEntity, StoredAgendaItem } from './agenda.entity';
import { AgendaStateService } from './agenda-state.service';
import { buildAgenda, stateWarnings } from './plan/agenda-builder';
import { assignItemKeys } from './plan/agenda-item-keys';
import { EditedItem, keepEditedTimes, planFromEdits } from './plan/agenda-edit';
import { visibleAgendaItems } from './plan/agenda-visible-items';
import { documentIdsOf } from './agenda-views';
import { layoutAsGiven, scheduleAgenda } from './plan/agenda-scheduler';
import { AgendasRepository } from './agendas.repository';
import { InvitationsRepository } from '../invitations/invitations.repository';
import { requireId } from '../meetings/meeting-checks';
import { MeetingEntity } from '../meetings/meeting.entity';
import { MeetingsRepository } from '../meetings/meetings.repository';
import { ParticipantDirectory } from '../meetings/participant-directory';

const EDITABLE = [MeetingStatus.PLANNED, MeetingStatus.CONFIRMED];

@Injectable()
export class AgendasService {
  constructor(
    private readonly meetings: MeetingsRepository,
    private readonly agendas: AgendasRepository,
    private readonly invitations: InvitationsRepository,
    private readonly state: AgendaStateService,
    private readonly documents: DocumentsReader,
    private readonly participants: ParticipantDirectory,
    private readonly audit: AuditService,
    private readonly txHost: TransactionHost<TypeOrmAdapter>,
    @Inject(NOTIFIER) private readonly notifier: Notifier,
  ) {}

  /** The secretariat sees the latest version; everyone else the latest published one. */
  canReadUnpublished(actor: Actor | null): boolean {
    return can(actor, 'agenda.readUnpublished', {});
  }

  /** A new version generated from the current state of the process (docs/meetings.md). */
  async generate(actor: Actor | null, meetingId: string): Promise<AgendaEntity> {
    assertCan(actor, 'agenda.edit', {});
    const id = requireId(meetingId, 'meetingId');
    return this.txHost.withTransaction(async () => {
      const meeting = await this.editableMeeting(id);
      const state = await this.state.read(meeting);
      const { items, warnings } = scheduleAgenda(buildAgenda(state), meeting);
      return this.saveVersion(
        actor,
        meeting,
        items,
        [...stateWarnings(state), ...warnings],
        'generated',
      );
    });
  }

  /** A new version from the secretariat's items: times laid out again, or kept as given. */
  async update(
    actor: Actor | null,
    meetingId: string,
    edited: EditedItem[],
    keepTimes: boolean,
  ): Promise<AgendaEntity> {
    assertCan(actor, 'agenda.edit', {});
    const id = requireId(meetingId, 'meetingId');
    return this.txHost.withTransaction(async () => {
      const meeting = await this.editableMeeting(id);
      // The items' own shape first, then what they refer to, then whether they fit.
      const kept = keepTimes ? keepEditedTimes(edited, meeting) : null;
      const planned = keepTimes ? null : planFromEdits(edited);
      await this.checkReferences(edited);
      const items = kept ?? layoutAsGiven(planned!, meeting);
      if (!items) {
        throw DomainException.badInput(
          'items',
          "The items take longer than the meeting's hours (breaks included): shorten or remove some",
        );
      }
      return this.saveVersion(actor, meeting, items, [], 'edited', edited);
    });
  }

  /**
   * Makes the latest version public, with its action items for everyone or not; publishing it
   * again with the same choice changes nothing, with the other choice changes only that.
   */
  async publish(
    actor: Actor | null,
    meetingId: string,
    publishActionItems = false,
  ): Promise<AgendaEntity> {
    assertCan(actor, 'agenda.publish', {});
    const id = requireId(meetingId, 'meetingId');
    return this.txHost.withTransaction(async () => {
      const meeting = await this.meetings.lockById(id);
      if (!meeting) throw DomainException.notFound('Meeting', 'meetingId');
      const latest = await this.agendas.latestOf(id, false);
      if (!latest)
        throw DomainException.invalidState('There is no agenda to publish: generate one first');
      if (latest.publishedAt && latest.publishActionItems === publishActionItems) return latest;
      const firstPublication = !latest.publishedAt;
      latest.publishedAt ??= new Date();
      latest.publishActionItems = publishActionItems;
      await this.agendas.publish(id, latest.version, latest.publishedAt, publishActionItems);
      await this.audit.record(actor, {
        action: 'agenda.published',
        entityType: 'Meeting',
        entityId: id,
        details: { version: latest.version, publishActionItems },
      });
      if (firstPublication) await this.notifier.agendaPublished(id);
      return latest;
    });
  }

  /**
   * One version as this caller may see it: drafts it may not read named by their title only,
   * action items only if published or readable on the meeting, scheduling notes for the
   * secretariat. Every read of an agenda (GraphQL and REST) goes through here.
   */
  visibleVersion(
    actor: Actor | null,
    agenda: AgendaEntity,
    documents: ReadonlyMap<string, DocumentEntity>,
    invitedParticipantIds: readonly string[],
  ): AgendaEntity {
    const reader = {
      readableDocument: (documentId: string) => {
        const document = documents.get(documentId);
        return {
          readable: !!document && this.documents.canRead(actor, document),
          title: document?.title ?? null,
        };
      },
      actionItems: can(actor, 'agenda.readActionItems', {
        published: agenda.publishActionItems,
        invitedParticipantIds,
      }),
    };
    const items = visibleAgendaItems(agenda.items, reader);
    const drafts = this.canReadUnpublished(actor);
    const warnings = drafts ? agenda.warnings : [];
    // Removed items as the caller could have imported them (the public: as last published),
    // redacted like the rest.
    const removed = (agenda.removedItems ?? []).flatMap((item): StoredAgendaItem[] =>
      drafts ? [item] : item.publishedAs ? [{ ...item.publishedAs, key: item.key }] : [],
    );
    const removedItems = visibleAgendaItems(removed, reader).map((item) => ({
      ...item,
      publishedAs: null,
    }));
    return Object.assign(new AgendaEntity(), { ...agenda, items, warnings, removedItems });
  }

  /**
   * The version a caller may fetch (REST renderings), as that caller may see it: the latest for
   * the secretariat, the latest published for everyone else. NOT_FOUND for an unknown or
   * malformed id, and before publication for those who may not see drafts.
   */
  async readable(
    actor: Actor | null,
    meetingId: string,
  ): Promise<{ meeting: MeetingEntity; agenda: AgendaEntity }> {
    const meeting = isUUID(meetingId) ? await this.meetings.getById(meetingId) : null;
    if (!meeting) throw DomainException.notFound('Meeting');
    const agenda = await this.agendas.latestOf(meeting.id, !this.canReadUnpublished(actor));
    if (!agenda) throw DomainException.notFound('Agenda');
    const [documents, invitations] = await Promise.all([
      this.documents.getByIds(documentIdsOf(agenda)),
      this.invitations.of([meeting.id]),
    ]);
    return {
      meeting,
      agenda: this.visibleVersion(
        actor,
        agenda,
        new Map(documents.map((d) => [d.id, d])),
        invitations.map((i) => i.participantId),
      ),
    };
  }

  private async editableMeeting(id: string): Promise<MeetingEntity> {
    const meeting = await this.meetings.lockById(id);
    if (!meeting) throw DomainException.notFound('Meeting', 'meetingId');
    if (!EDITABLE.includes(meeting.status)) {
      throw DomainException.invalidState(`The agenda of a ${meeting.status} meeting cannot change`);
    }
    return meeting;
  }

  private async saveVersion(
    actor: Actor | null,
    meeting: MeetingEntity,
    items: StoredAgendaItem[],
    warnings: string[],
    reason: 'generated' | 'edited',
    requestedKeys: ReadonlyArray<{ kind: AgendaItemKind; key?: string | null }> = [],
  ): Promise<AgendaEntity> {
    const latest = await this.agendas.latestOf(meeting.id, false);
    const keyed = assignItemKeys(
      items,
      latest,
      latest ? await this.agendas.publishedItems(meeting.id) : new Map(),
      requestedKeys,
    );
    const agenda = await this.agendas.insert({
      meetingId: meeting.id,
      version: (latest?.version ?? 0) + 1,
      items: keyed.items,
      removedItems: keyed.removed,
      warnings,
      createdById: actor?.id ?? null,
      reason,
    });
    await this.audit.record(actor, {
      action: `agenda.${reason}`,
      entityType: 'Meeting',
      entityId: meeting.id,
      details: { version: agenda.version, items: items.length, warnings },
    });
    return agenda;
  }

  /** Documents, clauses (live, in that document) and participants named by edited items exist. */
  private async checkReferences(items: EditedItem[]): Promise<void> {
    const documentIds = [...new Set(items.flatMap((i) => (i.documentId ? [i.documentId] : [])))];
    const documents = new Set((await this.documents.getByIds(documentIds)).map((d) => d.id));
    const clauses = new Map(
      (await this.documents.numberedClauses([...new Set(items.flatMap((i) => i.clauseIds))])).map(
        (c) => [c.clause.id, c.clause.documentId],
      ),
    );
    const participants = await this.participants.getByIds([
      ...new Set(items.flatMap((i) => i.participantIds)),
    ]);
    items.forEach((item, k) => {
      if (item.documentId && !documents.has(item.documentId)) {
        throw DomainException.notFound('Document', `items.${k}.documentId`);
      }
      const clause = item.clauseIds.find((c) => clauses.get(c) !== item.documentId);
      if (clause)
        throw DomainException.notFound(`Clause ${clause} of this document`, `items.${k}.clauseIds`);
      const participant = item.participantIds.find((p) => !participants.has(p));
      if (participant) {
        throw DomainException.notFound(`Participant ${participant}`, `items.${k}.participantIds`);
      }
    });
  }
}
