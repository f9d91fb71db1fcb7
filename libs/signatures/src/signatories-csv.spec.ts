import { signatoriesCsv, SignatoryRow } from './signatories-csv';

const row = (overrides: Partial<SignatoryRow> = {}): SignatoryRow => ({
  participant: 'France',
  kind: 'STATE',
  countryCode: 'FR',
  signedAt: new Date('2025-04-04T10:00:00.000Z'),
  recorded: true,
  meeting: 'Second Pall Mall Process Conference',
  statement: null,
  textHash: 'a'.repeat(64),
  withdrawnAt: null,
  withdrawalReason: null,
  ...overrides,
});

describe(signatoriesCsv.name, () => {
  it('writes a header row and CRLF-terminated records (RFC 4180)', () => {
    expect(signatoriesCsv([row()])).toBe(
      'participant,kind,country_code,signed_at,method,meeting,statement,text_hash,withdrawn_at,withdrawal_reason\r\n' +
        `France,STATE,FR,2025-04-04T10:00:00.000Z,recorded,Second Pall Mall Process Conference,,${'a'.repeat(64)},,\r\n`,
    );
  });

  it('quotes fields with commas, quotes and line breaks, doubling the quotes', () => {
    const csv = signatoriesCsv([row({ statement: 'We read "shall",\nloosely', recorded: false })]);
    expect(csv).toContain(',platform,');
    expect(csv).toContain(',"We read ""shall"",\nloosely",');
  });

  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx'])(
    'defuses a cell a spreadsheet would run as a formula: %j',
    (statement) => {
      expect(signatoriesCsv([row({ statement })])).toContain(`'${statement}`);
    },
  );

  it('writes the withdrawal when there is one', () => {
    const csv = signatoriesCsv([
      row({ withdrawnAt: new Date('2025-05-01T00:00:00.000Z'), withdrawalReason: 'Letter' }),
    ]);
    expect(csv.trimEnd().endsWith(',2025-05-01T00:00:00.000Z,Letter')).toBe(true);
  });
});
