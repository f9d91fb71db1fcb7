import type { TextDocument } from './text-document';
import { renderTextDocx } from './render/text-docx';
import { renderTextMarkdown } from './render/text-markdown';
import { renderTextPdf } from './render/text-pdf';

export type TextFormat = 'pdf' | 'docx' | 'md';

export interface TextFile {
  contentType: string;
  filename: string;
  body: string | Buffer;
}

const CONTENT_TYPES: Record<TextFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  md: 'text/markdown; charset=utf-8',
};

/** The file of a text in one format: "<slug>-v<version>-<languages>.<format>". */
export async function textFile(text: TextDocument, format: TextFormat): Promise<TextFile> {
  const body =
    format === 'pdf'
      ? await renderTextPdf(text)
      : format === 'docx'
        ? await renderTextDocx(text)
        : renderTextMarkdown(text);
  return {
    contentType: CONTENT_TYPES[format],
    filename: `${text.slug}-v${text.versionNumber}-${text.languages.join('-')}.${format}`,
    body,
  };
}
