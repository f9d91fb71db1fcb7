import { Field, Int, ObjectType } from '@nestjs/graphql';
import { AgendaItemKind } from '@accord/common';
import { AgendaEntity, StoredAgendaItem } from '../agenda.entity';

/** Document, clauses and participants are resolved through loaders. */
@ObjectType('AgendaItem')
export class AgendaItemModel {
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

/** One version of a meeting's agenda; markdown and icalendar are rendered on demand. */
@ObjectType('Agenda')
export class AgendaModel {
  meetingId: string;
  createdAt: Date;
  /** The stored items, for the renderings. */
  stored: StoredAgendaItem[];

  @Field(() => Int)
  version: number;

  @Field(() => Date, { nullable: true })
  publishedAt: Date | null;

  @Field(() => [AgendaItemModel])
  items: AgendaItemModel[];

  @Field(() => [String], { description: 'What was compressed, cut or dropped to fit the hours' })
  warnings: string[];

  static from(entity: AgendaEntity): AgendaModel {
    return Object.assign(new AgendaModel(), {
      meetingId: entity.meetingId,
      createdAt: entity.createdAt,
      stored: entity.items,
      version: entity.version,
      publishedAt: entity.publishedAt,
      items: entity.items.map((item, index) => AgendaItemModel.from(item, index)),
      warnings: entity.warnings,
    });
  }
}
