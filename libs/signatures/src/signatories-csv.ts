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
];

/**
 * Free text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a
 * leading apostrophe, the usual defence against CSV injection.
 */
function inert(text: string | null): string {
  if (text === null) return '';
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** RFC 4180: a header row, CRLF line ends, fields quoted when they need it. */
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
    ]),
    { header: true, columns: COLUMNS, record_delimiter: 'windows' },
  );
}
