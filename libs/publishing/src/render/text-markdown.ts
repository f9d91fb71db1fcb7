import { ClauseKind } from '@accord/common';
import type { TextClause, TextDocument, TextStatement } from '../text-document';
import { languageName } from '../text-languages';
import { textSegments } from '../text-segments';
import { dateLabel, hasBrackets, textStatusLabel, versionLine } from '../text-status';

/** Markdown's inline markup characters and `&` (`&copy;` is ©), escaped so that the text reads as written. */
const escape = (text: string) => text.replace(/([\\`*_[\]<>#|~&])/g, '\\$1');

/** One language's text of a clause, bracketed passages in bold, brackets kept. */
function inline(text: string): string {
  return textSegments(text.replace(/\r\n|\r|\n/g, ' '))
    .map((s) => (s.bracketed ? `**${escape(s.text)}**` : escape(s.text)))
    .join('');
}

function statementLines(statements: readonly TextStatement[] | undefined): string[] {
  return (statements ?? []).map(
    (s) =>
      `> *${escape(s.kind)} by ${escape(s.participant)}:* ${escape(s.text.replace(/\s+/g, ' '))}`,
  );
}

function clauseLines(clause: TextClause, languages: readonly string[]): string[] {
  const lines: string[] = [];
  const parallel = languages.length > 1;
  languages.forEach((language) => {
    const { text, title } = clause.texts[language];
    const tag = parallel ? `(${language}) ` : '';
    if (clause.kind === ClauseKind.HEADING) {
      lines.push(`## ${tag}${inline(title ?? text)}`, '');
    } else {
      const head = title ? `**${escape(title)}** ` : '';
      lines.push(`${tag}**${clause.number}.** ${head}${inline(text)}`, '');
    }
  });
  const statements = statementLines(clause.statements);
  if (statements.length) lines.push(...statements.flatMap((s) => [s, '']));
  return lines;
}

/**
 * The text as Markdown. Two languages are interleaved clause by clause (each paragraph tagged
 * with its language code), so a reader compares them paragraph by paragraph; Markdown tables
 * cannot hold long paragraphs. Bracketed (not agreed) passages are in bold, brackets kept.
 */
export function renderTextMarkdown(text: TextDocument): string {
  const { languages } = text;
  const lines = [
    `# ${languages.map((l) => escape(text.titles[l])).join(' / ')}`,
    '',
    `**${textStatusLabel(text.status)}**  `,
    `${versionLine(text)} · ${languages.map(languageName).join(' / ')}`,
  ];
  if (text.adoptedHash) lines.push('', `SHA-256 of the adopted text: \`${text.adoptedHash}\``);
  if (hasBrackets(text)) {
    lines.push('', '*Passages in bold square brackets are not agreed.*');
  }
  lines.push('');
  for (const clause of text.clauses) lines.push(...clauseLines(clause, languages));
  if (!text.clauses.length) lines.push('*This text has no clauses yet.*', '');
  if (text.statements?.length) {
    lines.push('## Statements', '', ...statementLines(text.statements).flatMap((s) => [s, '']));
  }
  if (text.signatories) {
    lines.push('## Signatories', '');
    if (!text.signatories.length) lines.push('*No signature yet.*');
    for (const s of text.signatories) {
      const place = s.place ? `, ${escape(s.place)}` : '';
      lines.push(`- ${escape(s.participant)} — signed on ${dateLabel(s.signedAt)}${place}`);
      if (s.statement) lines.push(`  Statement: ${escape(s.statement.replace(/\s+/g, ' '))}`);
    }
    lines.push('');
  }
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}
