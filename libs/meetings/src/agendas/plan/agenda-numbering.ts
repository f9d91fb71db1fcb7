import { AgendaItemKind } from '@accord/common';

/**
 * Display numbers: level-1 items 1, 2, 3…; a level-2 item numbers under the level-1 item before
 * it (4.1, 4.2…); breaks are not numbered (empty string).
 */
export function numberItems(items: readonly { kind: AgendaItemKind; level: 1 | 2 }[]): string[] {
  let top = 0;
  let sub = 0;
  return items.map(({ kind, level }) => {
    if (kind === AgendaItemKind.BREAK) return '';
    if (level === 2 && top > 0) return `${top}.${++sub}`;
    sub = 0;
    return String(++top);
  });
}
