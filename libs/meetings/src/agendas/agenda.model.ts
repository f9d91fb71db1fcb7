import { Field, Int, ObjectType } from '@nestjs/graphql';
import { AgendaItemKind } from '@accord/common';
import { AgendaEntity, StoredAgendaItem } from './agenda.entity';

/** Document, clauses and participants are resolved through loaders. */
@ObjectType('AgendaItem')
export class AgendaItemModel {
  @Field({
    description:
      'The same item in every version of this agenda (the UID of its calendar event); send it back in AgendaItemInput.key to keep it',
  })
  key: string;

  @Field(() => Int, { description: '1-based order in the agenda, breaks included' })
  position: number;

  @Field({ description: 'e.g. "4", "4.2"; empty for breaks' })
  number: string;

  @Field(() => AgendaItemKind)
  kind: AgendaItemKind;

  @Field()
  title: string;

  @Field(() => Date)
  startsAt: Date;

  @Field(() => Date)
  endsAt: Date;

  @Field(() => String, { nullable: true })
  notes: string | null;

  documentId: string | null;
  clauseIds: string[];
  participantIds: string[];

  static from(item: StoredAgendaItem, index: number): AgendaItemModel {
    return Object.assign(new AgendaItemModel(), {
      key: item.key ?? `item-${index + 1}`,
      position: index + 1,
      number: item.number,
      kind: item.kind,
      title: item.title,
      startsAt: new Date(item.startsAt),
      endsAt: new Date(item.endsAt),
      notes: item.notes,
      documentId: item.documentId,
      clauseIds: item.clauseIds,
      participantIds: item.participantIds,
    });
  }
}

/**
 * One version of a meeting's agenda as the caller may see it (AgendasService.visibleVersion);
 * markdown and icalendar are rendered on demand from the same items.
 */
@ObjectType('Agenda')
export class AgendaModel {
  meetingId: string;
  createdAt: Date;
  /** The stored items, for the renderings. */
  stored: StoredAgendaItem[];
  /** Items of earlier versions this one dropped (cancelled calendar events). */
  removedItems: StoredAgendaItem[];

  @Field(() => Int)
  version: number;

  @Field(() => Date, { nullable: true })
  publishedAt: Date | null;

  @Field({
    description:
      'Whether the follow-up item lists the action items and their owners to everyone (set with publishAgenda); otherwise only to those who may read them on the meeting',
  })
  publishActionItems: boolean;

  @Field(() => [AgendaItemModel])
  items: AgendaItemModel[];

  @Field(() => [String], {
    description:
      'What was compressed, cut or dropped to fit the hours: for the secretariat, empty for others',
  })
  warnings: string[];

  static from(entity: AgendaEntity): AgendaModel {
    return Object.assign(new AgendaModel(), {
      meetingId: entity.meetingId,
      createdAt: entity.createdAt,
      stored: entity.items,
      removedItems: entity.removedItems ?? [],
      version: entity.version,
      publishedAt: entity.publishedAt,
      publishActionItems: entity.publishActionItems,
      items: entity.items.map((item, index) => AgendaItemModel.from(item, index)),
      warnings: entity.warnings,
    });
  }
}
