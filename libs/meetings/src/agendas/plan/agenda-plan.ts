import { AgendaItemKind } from '@accord/common';

/** An agenda item before its times are laid out. */
export interface PlannedItem {
  kind: AgendaItemKind;
  title: string;
  /** 1: numbered 1, 2, 3…; 2: a sub-item of the level-1 item before it (4.1, 4.2…). */
  level: 1 | 2;
  documentId: string | null;
  clauseIds: string[];
  participantIds: string[];
  notes: string | null;
  /** The time the item asks for. */
  minutes: number;
  /** Time given in proportion to open work: compressed before anything is cut. */
  proportional: boolean;
  /** Open work (amendments + brackets) of a clause sub-item: the lightest is cut first; 0 otherwise. */
  work: number;
  /** How a warning names the item, e.g. "4.3 Clause 9 of Code of Practice for Industry". */
  label: string;
}
