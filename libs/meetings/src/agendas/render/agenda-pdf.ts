import { AgendaItemKind, PDF_FONTS, registerPdfFonts, stampPages } from '@accord/common';
import type { StoredAgendaItem } from '../agenda.entity';
import { localTime } from '../plan/local-time';
import {
  agendaStatusLabel,
  AgendaView,
  participantNamesOf,
  participantsLabel,
} from './agenda-view';

const MARGIN = 56;
const TIME_WIDTH = 80;

type Pdf = PDFKit.PDFDocument;

/** The lines under an item's title: its notes and who takes part. */
function detailsOf(view: AgendaView, item: StoredAgendaItem): string[] {
  const lines = item.notes ? [item.notes] : [];
  if (item.participantIds.length) {
    const names = participantNamesOf(view, item.participantIds).join(', ');
    lines.push(`${participantsLabel(item.kind)}: ${names}`);
  }
  return lines;
}

/** How tall an item will be: measured first, so that it never starts at the foot of a page. */
function itemHeight(doc: Pdf, title: string, details: string[], width: number): number {
  doc.font(PDF_FONTS.bold).fontSize(11);
  let height = doc.heightOfString(title, { width });
  doc.font(PDF_FONTS.regular).fontSize(9.5);
  for (const line of details) height += doc.heightOfString(line, { width });
  return height + doc.currentLineHeight() * 0.4;
}

/** A new page unless `height` still fits below the cursor. */
function keepTogether(doc: Pdf, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

/**
 * An A4 PDF of the agenda: its status ("Provisional agenda" until the meeting concludes), title
 * and place, then a heading per day and a line per item with its local times; sub-items
 * indented, breaks in grey, scheduling notes at the end, "Page n of N" at the foot of each
 * page. An item (times, title, notes) never splits across pages, nor a day's heading from its
 * first item. Embeds DejaVu (registerPdfFonts) so that every participant's name renders.
 */
export async function renderAgendaPdf(view: AgendaView): Promise<Buffer> {
  // Loaded at the first PDF, not at start: pdfkit and its font code are the heaviest require.
  const { default: PDFDocument } = await import('pdfkit');
  const { meeting } = view;
  const zone = meeting.timezone;
  const status = agendaStatusLabel(meeting.status);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: {
      Title: `${status}: ${meeting.title}`,
      Creator: 'Accord',
      CreationDate: view.createdAt,
    },
  });
  registerPdfFonts(doc);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const from = localTime(meeting.startsAt, zone);
  const to = localTime(meeting.endsAt, zone);
  doc.font(PDF_FONTS.bold).fontSize(10).fillColor('#555555').text(status.toUpperCase());
  doc.fillColor('black').fontSize(18).text(`Agenda: ${meeting.title}`);
  doc.moveDown(0.3).font(PDF_FONTS.regular).fontSize(11);
  doc.text(
    `${[meeting.venue, meeting.city].filter(Boolean).join(', ')} · ${from.toFormat('d LLLL yyyy')}${
      from.hasSame(to, 'day') ? '' : ` to ${to.toFormat('d LLLL yyyy')}`
    }`,
  );
  doc.fillColor('#555555').text(`Times are local to the meeting (${zone}).`);
  doc.text(
    view.publishedAt
      ? `Version ${view.version}, published ${localTime(view.publishedAt, zone).toFormat('d LLLL yyyy')}.`
      : `Version ${view.version}, draft (not published).`,
  );
  doc.fillColor('black');

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  let day = '';
  for (const item of view.items) {
    const start = localTime(item.startsAt, zone);
    const end = localTime(item.endsAt, zone);
    const indent = item.number.includes('.') ? 20 : 0;
    const textLeft = left + TIME_WIDTH + indent;
    const textWidth = width - TIME_WIDTH - indent;
    const isBreak = item.kind === AgendaItemKind.BREAK;
    const title = isBreak ? item.title : `${item.number}. ${item.title}`;
    const details = detailsOf(view, item);
    const height = itemHeight(doc, title, details, textWidth);
    if (start.toISODate() !== day) {
      day = start.toISODate()!;
      doc.font(PDF_FONTS.bold).fontSize(13);
      keepTogether(doc, doc.currentLineHeight() * 2.3 + height);
      doc.moveDown(1);
      doc.text(start.toFormat('cccc d LLLL yyyy'), left, doc.y, { width });
      doc.moveDown(0.3);
    } else {
      keepTogether(doc, height);
    }
    const y = doc.y;
    doc
      .fillColor(isBreak ? '#777777' : 'black')
      .font(PDF_FONTS.regular)
      .fontSize(10);
    doc.text(`${start.toFormat('HH:mm')}–${end.toFormat('HH:mm')}`, left, y, {
      width: TIME_WIDTH,
    });
    doc.font(isBreak ? PDF_FONTS.italic : PDF_FONTS.bold).fontSize(11);
    doc.text(title, textLeft, y, { width: textWidth });
    doc.font(PDF_FONTS.regular).fontSize(9.5).fillColor('#333333');
    for (const line of details) doc.text(line, textLeft, doc.y, { width: textWidth });
    doc.fillColor('black').moveDown(0.4);
  }
  if (view.warnings.length) {
    doc.font(PDF_FONTS.bold).fontSize(12);
    keepTogether(doc, doc.currentLineHeight() * 4);
    doc.moveDown(1).text('Scheduling notes', left, doc.y, { width });
    doc.font(PDF_FONTS.regular).fontSize(9.5);
    for (const warning of view.warnings) doc.text(`• ${warning}`, left, doc.y, { width });
  }
  stampPages(doc, `${status}: ${meeting.title}`);
  doc.end();
  return done;
}
