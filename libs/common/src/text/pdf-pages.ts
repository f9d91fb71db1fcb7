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
}

/**
 * Writes a footer on every page once the whole document is laid out ("Page 2 of 5"), in the
 * bottom margin. The margin is lifted while writing: pdfkit would otherwise start a new page
 * for text below it.
 */
export function stampPages(
  doc: PagedDocument,
  footer: (page: number, total: number) => string,
): void {
  const { start, count } = doc.bufferedPageRange();
  for (let k = start; k < start + count; k++) {
    doc.switchToPage(k);
    const { page } = doc;
    const bottom = page.margins.bottom;
    page.margins.bottom = 0;
    doc
      .font(PDF_FONTS.regular)
      .fontSize(8.5)
      .fillColor('#555555')
      .text(footer(k - start + 1, count), page.margins.left, page.height - bottom / 2 - 5, {
        width: page.width - page.margins.left - page.margins.right,
        align: 'center',
        lineBreak: false,
      });
    page.margins.bottom = bottom;
  }
  doc.fillColor('black');
}
