export * from './publishing.module';
export * from './text-document';
export * from './text-documents.service';
export * from './text-downloads';
export * from './text-languages';
export * from './text-segments';
export { renderTextPdf } from './render/text-pdf';
export { renderTextDocx } from './render/text-docx';
export { renderTextMarkdown } from './render/text-markdown';
