import { ClauseKind } from '@accord/common';
import type { Paragraph as ParagraphType, TableRow as TableRowType } from 'docx';
import type { TextClause, TextDocument, TextStatement } from '../text-document';
import { languageName } from '../text-languages';
import { textSegments } from '../text-segments';
import { dateLabel, hasBrackets, textStatusLabel, versionLine } from '../text-status';

type Docx = typeof import('docx');

/** A clause's text as runs: bracketed passages bold and highlighted, brackets kept. */
function runs(d: Docx, text: string, lead = '') {
  return [
    ...(lead ? [new d.TextRun({ text: lead, bold: true })] : []),
    ...textSegments(text.replace(/\r\n|\r|\n/g, ' ')).map(
      (s) =>
        new d.TextRun({
          text: s.text,
          bold: s.bracketed,
          highlight: s.bracketed ? 'yellow' : undefined,
        }),
    ),
  ];
}

function statementParagraphs(
  d: Docx,
  statements: readonly TextStatement[] | undefined,
): ParagraphType[] {
  return (statements ?? []).map(
    (s) =>
      new d.Paragraph({
        indent: { left: 567 },
        children: [
          new d.TextRun({ text: `${s.kind} by ${s.participant}: `, italics: true, bold: true }),
          new d.TextRun({ text: s.text, italics: true }),
        ],
      }),
  );
}

function clauseParagraph(d: Docx, clause: TextClause, language: string): ParagraphType {
  const { text, title } = clause.texts[language];
  if (clause.kind === ClauseKind.HEADING) {
    return new d.Paragraph({
      heading: d.HeadingLevel.HEADING_2,
      alignment: d.AlignmentType.CENTER,
      children: runs(d, title ?? text),
    });
  }
  return new d.Paragraph({
    spacing: { after: 160 },
    children: runs(d, text, `${clause.number}. ${title ? `${title}. ` : ''}`),
  });
}

function parallelTable(d: Docx, text: TextDocument) {
  const cell = (children: ParagraphType[]) =>
    new d.TableCell({
      width: { size: 50, type: d.WidthType.PERCENTAGE },
      children,
      margins: { top: 60, bottom: 60, left: 100, right: 100 },
    });
  const rows: TableRowType[] = [
    new d.TableRow({
      tableHeader: true,
      children: text.languages.map((l) =>
        cell([
          new d.Paragraph({ children: [new d.TextRun({ text: languageName(l), bold: true })] }),
        ]),
      ),
    }),
    ...text.clauses.map(
      (clause) =>
        new d.TableRow({
          cantSplit: false,
          children: text.languages.map((l) => cell([clauseParagraph(d, clause, l)])),
        }),
    ),
  ];
  return new d.Table({ width: { size: 100, type: d.WidthType.PERCENTAGE }, rows });
}

/**
 * A Word document of the text in one language, or two in a two-column table (one row per
 * clause, the language names as a header row repeated on every page). The status ("Draft —
 * not agreed" until adoption) heads every page, "Page n of N" at every foot; bracketed
 * passages are bold and highlighted; statements under their clause; signatories at the end.
 */
export async function renderTextDocx(text: TextDocument): Promise<Buffer> {
  const d: Docx = await import('docx');
  const { languages } = text;
  const status = textStatusLabel(text.status);
  const title = languages.map((l) => text.titles[l]).join(' / ');
  const children: Array<ParagraphType | InstanceType<Docx['Table']>> = [
    new d.Paragraph({ heading: d.HeadingLevel.TITLE, children: [new d.TextRun(title)] }),
    new d.Paragraph({
      children: [
        new d.TextRun({ text: status, bold: true, color: text.adopted ? '1D5B2C' : '8A1C1C' }),
      ],
    }),
    new d.Paragraph({
      children: [
        new d.TextRun(`${versionLine(text)} · ${languages.map(languageName).join(' / ')}`),
      ],
    }),
  ];
  if (text.adoptedHash) {
    children.push(
      new d.Paragraph({
        children: [new d.TextRun(`SHA-256 of the adopted text: ${text.adoptedHash}`)],
      }),
    );
  }
  if (hasBrackets(text)) {
    children.push(
      new d.Paragraph({
        children: [
          new d.TextRun({
            text: 'Passages in bold square brackets are not agreed.',
            italics: true,
          }),
        ],
      }),
    );
  }
  if (!text.clauses.length) {
    children.push(
      new d.Paragraph({
        children: [new d.TextRun({ text: 'This text has no clauses yet.', italics: true })],
      }),
    );
  } else if (languages.length > 1) {
    children.push(parallelTable(d, text));
    for (const clause of text.clauses) {
      if (clause.statements?.length) {
        children.push(
          new d.Paragraph({
            children: [new d.TextRun({ text: `On clause ${clause.number}:`, bold: true })],
          }),
        );
        children.push(...statementParagraphs(d, clause.statements));
      }
    }
  } else {
    for (const clause of text.clauses) {
      children.push(
        clauseParagraph(d, clause, languages[0]),
        ...statementParagraphs(d, clause.statements),
      );
    }
  }
  if (text.statements?.length) {
    children.push(
      new d.Paragraph({
        heading: d.HeadingLevel.HEADING_1,
        children: [new d.TextRun('Statements')],
      }),
    );
    children.push(...statementParagraphs(d, text.statements));
  }
  if (text.signatories) {
    children.push(
      new d.Paragraph({
        heading: d.HeadingLevel.HEADING_1,
        children: [new d.TextRun('Signatories')],
      }),
    );
    if (!text.signatories.length) {
      children.push(
        new d.Paragraph({
          children: [new d.TextRun({ text: 'No signature yet.', italics: true })],
        }),
      );
    }
    for (const s of text.signatories) {
      children.push(
        new d.Paragraph({
          bullet: { level: 0 },
          children: [
            new d.TextRun(
              `${s.participant} — signed on ${dateLabel(s.signedAt)}${s.place ? `, ${s.place}` : ''}`,
            ),
          ],
        }),
      );
      if (s.statement) {
        children.push(
          new d.Paragraph({
            indent: { left: 720 },
            children: [new d.TextRun({ text: `Statement: ${s.statement}`, italics: true })],
          }),
        );
      }
    }
  }
  const document = new d.Document({
    creator: 'Accord',
    title,
    description: `${status}. ${versionLine(text)}`,
    sections: [
      {
        headers: {
          default: new d.Header({
            children: [
              new d.Paragraph({
                alignment: d.AlignmentType.RIGHT,
                children: [
                  new d.TextRun({
                    text: status,
                    bold: !text.adopted,
                    color: text.adopted ? '555555' : '8A1C1C',
                  }),
                ],
              }),
            ],
          }),
        },
        footers: {
          default: new d.Footer({
            children: [
              new d.Paragraph({
                alignment: d.AlignmentType.CENTER,
                children: [
                  new d.TextRun({
                    children: [
                      `${title} · ${versionLine(text)} · Page `,
                      d.PageNumber.CURRENT,
                      ' of ',
                      d.PageNumber.TOTAL_PAGES,
                    ],
                  }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return d.Packer.toBuffer(document);
}
