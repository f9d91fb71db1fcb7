import { ClauseKind } from '@accord/common';
import { createHash } from 'node:crypto';

/**
 * The canonical text of a document, the thing that is hashed, adopted and signed. Stable by
 * design: the title on the first line, a blank line, then one line per clause in order:
 * `<number>. <text>` for numbered clauses and `## <text>` for headings; lines end with "\n".
 * Clause text is kept as written except that line breaks inside it become spaces.
 */
export function canonicalText(
  title: string,
  clauses: readonly { kind: ClauseKind; number: string; text: string }[],
): string {
  const flat = (text: string) => text.replace(/\r\n|\r|\n/g, ' ');
  const lines = clauses.map((c) =>
    c.kind === ClauseKind.HEADING ? `## ${flat(c.text)}` : `${c.number}. ${flat(c.text)}`,
  );
  return `${flat(title)}\n\n${lines.map((line) => `${line}\n`).join('')}`;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
