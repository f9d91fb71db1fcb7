import { AgendaItemKind } from '@accord/common';
import { localTime } from './local-time';
import { AgendaView, participantNamesOf, participantsLabel } from './agenda-view';

const MARGIN = 56;
const TIME_WIDTH = 80;

/**
 * An A4 PDF of the agenda: title and place, then a heading per day and a line per item with
 * its local times; sub-items indented, breaks in grey, scheduling notes at the end. Uses the
 * standard Helvetica fonts (Latin text: names outside it would need an embedded font).
 */
export async function renderAgendaPdf(view: AgendaView): Promise<Buffer> {
  // Loaded at the first PDF, not at start: pdfkit and its font code are the heaviest require.
  const { default: PDFDocument } = await import('pdfkit');
  const { meeting } = view;
  const zone = meeting.timezone;
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: {
      Title: `Agenda: ${meeting.title}`,
      Creator: 'Accord',
      CreationDate: view.createdAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const from = localTime(meeting.startsAt, zone);
  const to = localTime(meeting.endsAt, zone);
  doc.font('Helvetica-Bold').fontSize(18).text(`Agenda: ${meeting.title}`);
  doc.moveDown(0.3).font('Helvetica').fontSize(11);
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
    if (start.toISODate() !== day) {
      day = start.toISODate()!;
      doc.moveDown(1).font('Helvetica-Bold').fontSize(13);
      doc.text(start.toFormat('cccc d LLLL yyyy'), left, doc.y, { width });
      doc.moveDown(0.3);
    }
    const indent = item.number.includes('.') ? 20 : 0;
    const textLeft = left + TIME_WIDTH + indent;
    const textWidth = width - TIME_WIDTH - indent;
    const y = doc.y;
    const isBreak = item.kind === AgendaItemKind.BREAK;
    doc
      .fillColor(isBreak ? '#777777' : 'black')
      .font('Helvetica')
      .fontSize(10);
    doc.text(`${start.toFormat('HH:mm')}–${end.toFormat('HH:mm')}`, left, y, { width: TIME_WIDTH });
    doc.font(isBreak ? 'Helvetica-Oblique' : 'Helvetica-Bold').fontSize(11);
    doc.text(isBreak ? item.title : `${item.number}. ${item.title}`, textLeft, y, {
      width: textWidth,
    });
    doc.font('Helvetica').fontSize(9.5).fillColor('#333333');
    if (item.notes) doc.text(item.notes, textLeft, doc.y, { width: textWidth });
    if (item.participantIds.length) {
      const names = participantNamesOf(view, item.participantIds).join(', ');
      doc.text(`${participantsLabel(item.kind)}: ${names}`, textLeft, doc.y, { width: textWidth });
    }
    doc.fillColor('black').moveDown(0.4);
  }
  if (view.warnings.length) {
    doc.moveDown(1).font('Helvetica-Bold').fontSize(12).text('Scheduling notes', left, doc.y, {
      width,
    });
    doc.font('Helvetica').fontSize(9.5);
    for (const warning of view.warnings) doc.text(`• ${warning}`, left, doc.y, { width });
  }
  doc.end();
  return done;
}
