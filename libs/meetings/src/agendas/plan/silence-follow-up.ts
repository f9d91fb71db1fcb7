import { AgendaItemKind } from '@accord/common';
import { DateTime } from 'luxon';
import { PlannedItem } from './agenda-plan';

/** A silence procedure that ended since the previous meeting (ProcessState.silenceOutcomes). */
export interface SilenceOutcome {
  documentId: string;
  documentTitle: string;
  status: 'CONCLUDED' | 'BROKEN';
  /** The deadline when CONCLUDED, the break when BROKEN. */
  endedAt: Date;
  /** The time zone the deadline was announced in. */
  timezone: string;
  /** Names of the participants that broke silence. */
  brokenBy: string[];
}

export const SILENCE_FOLLOW_UP_MINUTES = { base: 5, perProcedure: 5, max: 30 } as const;

/** Follow-up item: the silence procedures concluded or broken since the previous meeting. */
export function silenceFollowUp(outcomes: readonly SilenceOutcome[]): PlannedItem {
  const line = (o: SilenceOutcome) => {
    const when = DateTime.fromJSDate(o.endedAt, { zone: o.timezone }).toFormat(
      'd LLLL yyyy, HH:mm',
      {
        locale: 'en-GB',
      },
    );
    return o.status === 'CONCLUDED'
      ? `- ${o.documentTitle}: adopted under the silence procedure at its deadline, ${when} ${o.timezone}`
      : `- ${o.documentTitle}: silence broken on ${when} ${o.timezone}${o.brokenBy.length ? ` by ${o.brokenBy.join(', ')}` : ''}; the text remains in negotiation`;
  };
  return {
    level: 1,
    kind: AgendaItemKind.FOLLOW_UP,
    title: 'Silence procedures since the previous meeting',
    label: 'Silence procedures since the previous meeting',
    documentId: null,
    clauseIds: [],
    participantIds: [],
    notes: outcomes.map(line).join('\n'),
    proportional: false,
    work: 0,
    minutes: Math.min(
      SILENCE_FOLLOW_UP_MINUTES.max,
      SILENCE_FOLLOW_UP_MINUTES.base + SILENCE_FOLLOW_UP_MINUTES.perProcedure * outcomes.length,
    ),
  } as PlannedItem;
}
