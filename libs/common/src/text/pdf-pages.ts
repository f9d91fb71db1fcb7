import { PDF_FONTS } from './pdf-fonts';

/** What this needs of a pdfkit document made with `bufferPages: true`. */
interface PagedDocument {
  bufferedPageRange(): { start: number; count: number };
  switchToPage(n: number): unknown;
  page: { width: number; height: number; margins: { left: number; right: number; bottom: number } };
  font(name: string): PagedDocument;
  fontSize(size: number): PagedDocument;
  fillColor(color: string): PagedDocument;
  text(text: string, x: number, y: number, options: Record<string, unknown>): PagedDocument;
  widthOfString(text: string): number;
}

/** `label · Page n of N`, the label cut short with an ellipsis when the line would not fit. */
function footerLine(doc: PagedDocument, label: string, page: string, width: number): string {
  const line = (text: string) => (text ? `${text} · ${page}` : page);
  if (doc.widthOfString(line(label)) <= width) return line(label);
  let chars = [...label];
  while (chars.length && doc.widthOfString(line(`${chars.join('').trimEnd()}…`)) > width) {
    chars = chars.slice(0, -1);
  }
  return line(chars.length ? `${chars.join('').trimEnd()}…` : '');
}

/**
 * Writes a one-line footer on every page once the whole document is laid out
 * ("<label> · Page 2 of 5", the label shortened to fit), in the bottom margin. The margin is
 * lifted while writing: pdfkit would otherwise start a new page for text below it.
 */
export function stampPages(doc: PagedDocument, label: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let k = start; k < start + count; k++) {
    doc.switchToPage(k);
    const { page } = doc;
    const bottom = page.margins.bottom;
    page.margins.bottom = 0;
    const width = page.width - page.margins.left - page.margins.right;
    doc.font(PDF_FONTS.regular).fontSize(8.5).fillColor('#555555');
    const line = footerLine(doc, label, `Page ${k - start + 1} of ${count}`, width);
    doc.text(line, page.margins.left, page.height - bottom / 2 - 5, {
      width,
      align: 'center',
      lineBreak: false,
    });
    page.margins.bottom = bottom;
  }
  doc.fillColor('black');
}
