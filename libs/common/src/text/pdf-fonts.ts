import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The font roles every Accord PDF uses, registered under these names. */
export const PDF_FONTS = {
  regular: 'Accord-Sans',
  bold: 'Accord-Sans-Bold',
  italic: 'Accord-Sans-Oblique',
  serif: 'Accord-Serif',
  serifBold: 'Accord-Serif-Bold',
  serifItalic: 'Accord-Serif-Italic',
} as const;

const FILES: Record<keyof typeof PDF_FONTS, string> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
  serif: 'DejaVuSerif.ttf',
  serifBold: 'DejaVuSerif-Bold.ttf',
  serifItalic: 'DejaVuSerif-Italic.ttf',
};

let loaded: Map<string, Buffer> | null = null;

/** The TTF files of the dejavu-fonts-ttf package, read once per process. */
function fontFiles(): Map<string, Buffer> {
  if (!loaded) {
    const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    loaded = new Map(
      Object.entries(FILES).map(([role, file]) => [
        PDF_FONTS[role as keyof typeof PDF_FONTS],
        readFileSync(join(dir, file)),
      ]),
    );
  }
  return loaded;
}

/** What this needs of a pdfkit document. */
interface FontRegistry {
  registerFont(name: string, src: Buffer): unknown;
}

/**
 * Registers DejaVu Sans and Serif (Latin with every diacritic, Greek, Cyrillic…) on a pdfkit
 * document: the standard PDF fonts only cover Windows-1252, so "Việt Nam" or a Cyrillic name
 * would come out as garbage. pdfkit embeds only the glyphs used.
 */
export function registerPdfFonts(doc: FontRegistry): void {
  for (const [name, data] of fontFiles()) doc.registerFont(name, data);
}
