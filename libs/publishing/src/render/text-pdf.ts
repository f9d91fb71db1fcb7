import { ClauseKind, PDF_FONTS, registerPdfFonts, stampPages } from '@accord/common';
import type { TextClause, TextDocument, TextStatement } from '../text-document';
import { languageName } from '../text-languages';
import { textSegments } from '../text-segments';
import { dateLabel, hasBrackets, textStatusLabel, versionLine } from '../text-status';

type Pdf = PDFKit.PDFDocument;

const MARGIN = 56;
const GUTTER = 30;
const GAP = 18;
const BODY = 10.5;
const BRACKET_COLOUR = '#8a1c1c';

/** Writes a text in runs, bracketed passages in bold dark red (brackets kept), wrapped to `width`. */
function writeRuns(doc: Pdf, text: string, x: number, y: number, width: number, lead = ''): void {
  const runs = [
    ...(lead ? [{ text: lead, bracketed: false, lead: true }] : []),
    ...textSegments(text).map((s) => ({ ...s, lead: false })),
  ];
  if (!runs.length) runs.push({ text: ' ', bracketed: false, lead: false });
  doc.fontSize(BODY);
  runs.forEach((run, k) => {
    doc
      .font(run.lead || run.bracketed ? PDF_FONTS.serifBold : PDF_FONTS.serif)
      .fillColor(run.bracketed ? BRACKET_COLOUR : 'black');
    const options = { width, continued: k < runs.length - 1, lineGap: 1.5 };
    if (k === 0) doc.text(run.text, x, y, options);
    else doc.text(run.text, options);
  });
  doc.fillColor('black');
}

/** A text's height as writeRuns will lay it out (measured in bold: never less than it takes). */
function runsHeight(doc: Pdf, text: string, width: number, lead = ''): number {
  doc.font(PDF_FONTS.serifBold).fontSize(BODY);
  return doc.heightOfString(`${lead}${text}` || ' ', { width, lineGap: 1.5 });
}

/** A new page unless `height` fits below the cursor (a block taller than a page just starts). */
function keepTogether(doc: Pdf, height: number): boolean {
  const bottom = doc.page.height - doc.page.margins.bottom;
  const top = doc.page.margins.top;
  if (doc.y + height <= bottom || height >= bottom - top) return false;
  doc.addPage();
  return true;
}

/** The language names above the two columns (on the first page and after every column break). */
function writeColumnHeads(
  doc: Pdf,
  languages: readonly string[],
  left: number,
  width: number,
): void {
  const column = (width - GAP) / 2;
  const y = doc.y;
  doc.font(PDF_FONTS.bold).fontSize(9).fillColor('#555555');
  languages.forEach((l, k) =>
    doc.text(languageName(l), left + k * (column + GAP), y, { width: column }),
  );
  doc.fillColor('black').moveDown(0.5);
}

function writeStatements(
  doc: Pdf,
  statements: readonly TextStatement[] | undefined,
  x: number,
  width: number,
): void {
  for (const s of statements ?? []) {
    const line = `${s.kind} by ${s.participant}: ${s.text}`;
    doc.font(PDF_FONTS.italic).fontSize(9);
    keepTogether(doc, doc.heightOfString(line, { width }));
    doc.fillColor('#333333').text(line, x, doc.y, { width }).fillColor('black');
    doc.moveDown(0.3);
  }
}

function writeHeading(
  doc: Pdf,
  clause: TextClause,
  languages: readonly string[],
  left: number,
  width: number,
): void {
  const line = languages.map((l) => clause.texts[l].title ?? clause.texts[l].text).join(' / ');
  doc.font(PDF_FONTS.bold).fontSize(12);
  keepTogether(doc, doc.heightOfString(line, { width }) + 40);
  doc.moveDown(0.6).text(line, left, doc.y, { width, align: 'center' }).moveDown(0.5);
}

/** One language: the number in a gutter, the text beside it. */
function writeClause(
  doc: Pdf,
  clause: TextClause,
  language: string,
  left: number,
  width: number,
): void {
  const { text, title } = clause.texts[language];
  const lead = title ? `${title}. ` : '';
  keepTogether(doc, Math.min(runsHeight(doc, text, width - GUTTER, lead), 80));
  const y = doc.y;
  doc
    .font(PDF_FONTS.serifBold)
    .fontSize(BODY)
    .text(`${clause.number}.`, left, y, { width: GUTTER });
  writeRuns(doc, text, left + GUTTER, y, width - GUTTER, lead);
  doc.moveDown(0.6);
}

/** Two languages side by side, the clause number leading each column. */
function writeParallelClause(
  doc: Pdf,
  clause: TextClause,
  languages: readonly string[],
  left: number,
  width: number,
): void {
  const column = (width - GAP) / 2;
  const leads = languages.map(
    (l) => `${clause.number}. ${clause.texts[l].title ? `${clause.texts[l].title}. ` : ''}`,
  );
  const height = Math.max(
    ...languages.map((l, k) => runsHeight(doc, clause.texts[l].text, column, leads[k])),
  );
  const room = doc.page.height - doc.page.margins.bottom - doc.page.margins.top;
  if (height >= room) {
    // Taller than a page: one language after the other, full width, rather than cut columns.
    for (const language of languages) writeClause(doc, clause, language, left, width);
    return;
  }
  if (keepTogether(doc, height + 20)) writeColumnHeads(doc, languages, left, width);
  const y = doc.y;
  let end = y;
  languages.forEach((language, k) => {
    writeRuns(doc, clause.texts[language].text, left + k * (column + GAP), y, column, leads[k]);
    end = Math.max(end, doc.y);
  });
  doc.x = left;
  doc.y = end;
  doc.moveDown(0.6);
}

function writeSignatories(doc: Pdf, text: TextDocument, left: number, width: number): void {
  const signatories = text.signatories!;
  doc.font(PDF_FONTS.bold).fontSize(13);
  keepTogether(doc, 60);
  doc.moveDown(1).text('Signatories', left, doc.y, { width }).moveDown(0.4);
  if (!signatories.length) {
    doc.font(PDF_FONTS.italic).fontSize(BODY).text('No signature yet.', left, doc.y, { width });
  }
  for (const s of signatories) {
    const line = `${s.participant} — signed on ${dateLabel(s.signedAt)}${s.place ? `, ${s.place}` : ''}`;
    doc.font(PDF_FONTS.regular).fontSize(BODY);
    const statementHeight = s.statement
      ? doc.heightOfString(s.statement, { width: width - 20 })
      : 0;
    keepTogether(doc, doc.heightOfString(line, { width }) + statementHeight);
    doc.text(line, left, doc.y, { width });
    if (s.statement) {
      doc.font(PDF_FONTS.italic).fontSize(9.5).fillColor('#333333');
      doc
        .text(`Statement: ${s.statement}`, left + 20, doc.y, { width: width - 20 })
        .fillColor('black');
    }
    doc.moveDown(0.3);
  }
}

/** The "Draft — not agreed" watermark across every page of a text not adopted. */
function watermark(doc: Pdf, label: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let k = start; k < start + count; k++) {
    doc.switchToPage(k);
    const { width, height, margins } = doc.page;
    const bottom = margins.bottom;
    margins.bottom = 0;
    doc.save();
    doc.rotate(-50, { origin: [width / 2, height / 2] });
    doc.font(PDF_FONTS.bold).fontSize(54).fillColor('#b0b0b0').fillOpacity(0.18);
    doc.text(label, 0, height / 2 - 30, { width, align: 'center', lineBreak: false });
    doc.restore();
    margins.bottom = bottom;
  }
  doc.fillOpacity(1).fillColor('black');
}

/**
 * An A4 PDF of the text in one language, or two in parallel columns: its status, titles,
 * version and date, the adopted hash once adopted, numbered clauses with bracketed passages
 * in bold dark red, statements under their clause, the signatories once open for signature,
 * "Page n of N" at each foot, and a "Draft — not agreed" watermark until adoption. DejaVu is
 * embedded so that every script a participant writes in renders.
 */
export async function renderTextPdf(text: TextDocument): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const { languages } = text;
  const title = languages.map((l) => text.titles[l]).join(' / ');
  const status = textStatusLabel(text.status);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: {
      Title: title,
      Subject: `${status}. ${versionLine(text)}`,
      Creator: 'Accord',
      // A fixed date: the same text renders the same file (pdfkit would take the current time).
      CreationDate: text.date ?? new Date(0),
    },
  });
  registerPdfFonts(doc);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  doc
    .font(PDF_FONTS.bold)
    .fontSize(10)
    .fillColor(text.adopted ? '#1d5b2c' : BRACKET_COLOUR);
  doc.text(status.toUpperCase(), left, doc.y, { width });
  doc.fillColor('black').moveDown(0.4);
  if (languages.length > 1) {
    const column = (width - GAP) / 2;
    const y = doc.y;
    let end = y;
    languages.forEach((language, k) => {
      doc
        .font(PDF_FONTS.serifBold)
        .fontSize(16)
        .text(text.titles[language], left + k * (column + GAP), y, { width: column });
      end = Math.max(end, doc.y);
    });
    doc.x = left;
    doc.y = end;
  } else {
    doc.font(PDF_FONTS.serifBold).fontSize(18).text(title, left, doc.y, { width });
  }
  doc.moveDown(0.4).font(PDF_FONTS.regular).fontSize(10).fillColor('#444444');
  doc.text(`${versionLine(text)} · ${languages.map(languageName).join(' / ')}`, left, doc.y, {
    width,
  });
  if (text.adoptedHash) doc.text(`SHA-256 of the adopted text: ${text.adoptedHash}`, { width });
  if (hasBrackets(text)) {
    doc.font(PDF_FONTS.italic).text('Passages in bold square brackets are not agreed.', { width });
  }
  doc.fillColor('black').moveDown(1);

  if (languages.length > 1) writeColumnHeads(doc, languages, left, width);
  if (!text.clauses.length) {
    doc
      .font(PDF_FONTS.italic)
      .fontSize(BODY)
      .text('This text has no clauses yet.', left, doc.y, { width });
  }
  for (const clause of text.clauses) {
    if (clause.kind === ClauseKind.HEADING) writeHeading(doc, clause, languages, left, width);
    else if (languages.length > 1) writeParallelClause(doc, clause, languages, left, width);
    else writeClause(doc, clause, languages[0], left, width);
    writeStatements(doc, clause.statements, left + GUTTER, width - GUTTER);
  }
  if (text.statements?.length) {
    doc.font(PDF_FONTS.bold).fontSize(13);
    keepTogether(doc, 60);
    doc.moveDown(1).text('Statements', left, doc.y, { width }).moveDown(0.4);
    writeStatements(doc, text.statements, left, width);
  }
  if (text.signatories) writeSignatories(doc, text, left, width);
  if (!text.adopted) watermark(doc, status);
  stampPages(doc, `${versionLine(text)} · ${title}`);
  doc.end();
  return done;
}
