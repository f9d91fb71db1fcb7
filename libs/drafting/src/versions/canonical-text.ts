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

/**
 * The canonical text over every authentic language. With one language it is exactly
 * `canonicalText` (the hashes of single-language documents never changed). With several, one
 * section per language in the declared order (language of negotiation first), sections
 * separated by one blank line; a section is the line `[<code>]` followed by that language's
 * `canonicalText`: its title (the title in the language of negotiation when it has none) and
 * every clause, numbered as in the original, with an empty text where no translation exists.
 */
export function authenticText(text: {
  languages: readonly string[];
  /** The title in the language of negotiation. */
  title: string;
  /** Titles per language; the language of negotiation's, when present, wins over `title`. */
  titles: Readonly<Record<string, string>>;
  clauses: readonly {
    kind: ClauseKind;
    number: string;
    text: string;
    translations?: Readonly<Record<string, string>>;
  }[];
}): string {
  const [original, ...others] = text.languages.length ? text.languages : ['en'];
  const title = text.titles[original] ?? text.title;
  if (!others.length) return canonicalText(title, text.clauses);
  const sections = [`[${original}]\n${canonicalText(title, text.clauses)}`];
  for (const language of others) {
    const clauses = text.clauses.map((clause) => ({
      ...clause,
      text: clause.translations?.[language] ?? '',
    }));
    sections.push(`[${language}]\n${canonicalText(text.titles[language] ?? title, clauses)}`);
  }
  return sections.join('\n');
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
