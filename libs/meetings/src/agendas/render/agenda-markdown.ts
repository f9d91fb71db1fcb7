import { AgendaItemKind } from '@accord/common';
import { localTime } from '../plan/local-time';
import {
  agendaStatusLabel,
  AgendaView,
  participantNamesOf,
  participantsLabel,
} from './agenda-view';

/** Markdown's inline markup characters, escaped so that titles and notes read as written. */
const escape = (text: string) => text.replace(/([\\`*_[\]<>#|])/g, '\\$1');

/** Notes lines as text: a line that looks like a list item or heading is not made one. */
function indentLines(text: string, indent: string): string {
  return text
    .split(/\r?\n/)
    .map(
      (line) =>
        indent +
        escape(line)
          .replace(/^(\s*)([-+])(\s)/, '$1\\$2$3')
          .replace(/^(\s*)(\d+)([.)])(\s)/, '$1$2\\$3$4'),
    )
    .join('  \n');
}

/** Whether the nearest numbered item before (-1) or after (1) `index` is a sub-item. */
function isSubItem(items: AgendaView['items'], index: number, step: -1 | 1): boolean {
  for (let k = index + step; k >= 0 && k < items.length; k += step) {
    if (items[k].kind !== AgendaItemKind.BREAK) return items[k].number.includes('.');
  }
  return false;
}

/** The agenda's status (provisional until the meeting concludes), a heading per day, a line per item with its local times, breaks in italics, warnings at the end. */
export function renderAgendaMarkdown(view: AgendaView): string {
  const { meeting } = view;
  const zone = meeting.timezone;
  const from = localTime(meeting.startsAt, zone);
  const to = localTime(meeting.endsAt, zone);
  const dates = from.hasSame(to, 'day')
    ? from.toFormat('cccc d LLLL yyyy')
    : `${from.toFormat('cccc d LLLL yyyy')} to ${to.toFormat('cccc d LLLL yyyy')}`;
  const lines = [
    `# Agenda: ${escape(meeting.title)}`,
    '',
    `**${agendaStatusLabel(meeting.status)}**`,
    '',
    `${escape([meeting.venue, meeting.city].filter(Boolean).join(', '))} · ${dates}  `,
    `Times are local to the meeting (${zone}).  `,
    view.publishedAt
      ? `Version ${view.version}, published ${localTime(view.publishedAt, zone).toFormat('d LLLL yyyy')}.`
      : `Version ${view.version}, draft (not published).`,
  ];
  let day = '';
  view.items.forEach((item, index) => {
    const start = localTime(item.startsAt, zone);
    const end = localTime(item.endsAt, zone);
    const date = start.toISODate()!;
    if (date !== day) {
      day = date;
      lines.push('', `## ${start.toFormat('cccc d LLLL yyyy')}`, '');
    }
    const time = `${start.toFormat('HH:mm')}–${end.toFormat('HH:mm')}`;
    if (item.kind === AgendaItemKind.BREAK) {
      // A break inside a run of sub-items stays inside their list.
      const inside = isSubItem(view.items, index, -1) && isSubItem(view.items, index, 1);
      lines.push(`${inside ? '  ' : ''}- ${time} *${escape(item.title)}*`);
      return;
    }
    const indent = item.number.includes('.') ? '  ' : '';
    lines.push(`${indent}- **${time} ${item.number}. ${escape(item.title)}**  `);
    if (item.notes) lines.push(`${indentLines(item.notes, `${indent}  `)}  `);
    if (item.participantIds.length) {
      const names = participantNamesOf(view, item.participantIds).map(escape).join(', ');
      lines.push(`${indent}  ${participantsLabel(item.kind)}: ${names}  `);
    }
    lines[lines.length - 1] = lines[lines.length - 1].replace(/ {2}$/, '');
  });
  if (!view.items.length) lines.push('', 'No items.');
  if (view.warnings.length) {
    lines.push('', '## Scheduling notes', '', ...view.warnings.map((w) => `- ${escape(w)}`));
  }
  return `${lines.join('\n')}\n`;
}
