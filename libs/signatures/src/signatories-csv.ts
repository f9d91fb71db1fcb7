import { stringify } from 'csv-stringify/sync';

export interface SignatoryRow {
  participant: string;
  kind: string;
  countryCode: string | null;
  signedAt: Date;
  recorded: boolean;
  meeting: string | null;
  statement: string | null;
  textHash: string;
  withdrawnAt: Date | null;
  withdrawalReason: string | null;
  /**
   * The participant's statements on the text that stand (not withdrawn), one a line:
   * "INTERPRETIVE_DECLARATION (clauses 2, 3): text".
   */
  statements?: string | null;
}

const COLUMNS = [
  'participant',
  'kind',
  'country_code',
  'signed_at',
  'method',
  'meeting',
  'statement',
  'text_hash',
  'withdrawn_at',
  'withdrawal_reason',
  'statements',
];

/**
 * Where a spreadsheet would run a formula: the start of the cell or of any line in it (a
 * program that splits cells on line breaks, or a paste, sees every line as a cell) followed by
 * =, +, -, @, tab or CR (OWASP "CSV injection").
 */
const FORMULA_START = /(?<=^|[\r\n])(?=[=+\-@\t\r])/g;

/** Free text made inert: an apostrophe before every formula start. */
function inert(text: string | null): string {
  if (text === null) return '';
  return text.replace(FORMULA_START, "'");
}

/**
 * RFC 4180 with CRLF line ends, a UTF-8 byte-order mark (so that spreadsheet programs read
 * accents), a header row, and every field that holds a separator (comma, or the semicolon and
 * tab some locales split on), a quote, CR or LF quoted. csv-stringify quotes only the
 * configured record delimiter (CRLF), so a lone CR or LF needs quoted_match.
 */
export function signatoriesCsv(rows: readonly SignatoryRow[]): string {
  return stringify(
    rows.map((row) => [
      inert(row.participant),
      row.kind,
      row.countryCode ?? '',
      row.signedAt.toISOString(),
      row.recorded ? 'recorded' : 'platform',
      inert(row.meeting),
      inert(row.statement),
      row.textHash,
      row.withdrawnAt?.toISOString() ?? '',
      inert(row.withdrawalReason),
      inert(row.statements ?? null),
    ]),
    {
      bom: true,
      header: true,
      columns: COLUMNS,
      record_delimiter: 'windows',
      quoted_match: /[\r\n;\t]/,
    },
  );
}
