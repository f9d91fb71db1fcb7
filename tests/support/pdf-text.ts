import { execFile } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** Reads a PDF from stdin with pdf-parse and prints its text. */
const SCRIPT = `
const { PDFParse } = require('pdf-parse');
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c)).on('end', async () => {
  const parser = new PDFParse({ data: Buffer.concat(chunks) });
  try {
    process.stdout.write((await parser.getText()).text);
  } finally {
    await parser.destroy();
  }
});`;

/**
 * The text of a PDF, extracted by pdf-parse (v2: `new PDFParse({ data })`, then getText()).
 * It runs in a child Node process: pdf.js loads its worker with a dynamic import(), which
 * jest's module sandbox refuses.
 */
export function pdfText(data: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['-e', SCRIPT],
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) =>
        error ? reject(new Error(stderr || error.message)) : resolve(stdout),
    );
    child.stdin!.end(data);
  });
}

/** Reads a PDF from stdin with pdf-parse and prints its pages' texts as a JSON array. */
const PAGES_SCRIPT = `
const { PDFParse } = require('pdf-parse');
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c)).on('end', async () => {
  const parser = new PDFParse({ data: Buffer.concat(chunks) });
  try {
    const result = await parser.getText();
    process.stdout.write(JSON.stringify(result.pages.map((p) => p.text)));
  } finally {
    await parser.destroy();
  }
});`;

/** The text of each page of a PDF, in order (pdf-parse, in a child process like pdfText). */
export function pdfPages(data: Buffer): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['-e', PAGES_SCRIPT],
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) =>
        error ? reject(new Error(stderr || error.message)) : resolve(JSON.parse(stdout)),
    );
    child.stdin!.end(data);
  });
}
