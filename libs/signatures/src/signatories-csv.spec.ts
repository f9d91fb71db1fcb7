import { signatoriesCsv, SignatoryRow } from './signatories-csv';

const BOM = '\uFEFF';
const HEADER =
  'participant,kind,country_code,signed_at,method,meeting,statement,text_hash,withdrawn_at,withdrawal_reason,statements\r\n';

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

/** The statement cell of a one-row file, as written (quotes included). */
const statementCell = (statement: string) => {
  const csv = signatoriesCsv([row({ statement })]);
  const start = csv.indexOf(',recorded,Second Pall Mall Process Conference,') + 46;
  return csv.slice(start, csv.lastIndexOf(`,${'a'.repeat(64)},,`));
};

describe(signatoriesCsv.name, () => {
  it('starts with a UTF-8 byte-order mark, then a header row and CRLF-terminated records', () => {
    expect(signatoriesCsv([row()])).toBe(
      BOM +
        HEADER +
        `France,STATE,FR,2025-04-04T10:00:00.000Z,recorded,Second Pall Mall Process Conference,,${'a'.repeat(64)},,,\r\n`,
    );
  });

  it('quotes fields with commas, quotes and line breaks, doubling the quotes', () => {
    const csv = signatoriesCsv([row({ statement: 'We read "shall",\nloosely', recorded: false })]);
    expect(csv).toContain(',platform,');
    expect(csv).toContain(',"We read ""shall"",\nloosely",');
  });

  it.each([
    ['a lone LF', 'first\nsecond', '"first\nsecond"'],
    ['a lone CR', 'first\rsecond', '"first\rsecond"'],
    ['CRLF', 'first\r\nsecond', '"first\r\nsecond"'],
    ['a semicolon', 'a;b', '"a;b"'],
    ['a tab', 'a\tb', '"a\tb"'],
    ['a quote', 'say "yes"', '"say ""yes"""'],
  ])('quotes a field holding %s', (_, statement, cell) => {
    expect(statementCell(statement)).toBe(cell);
  });

  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])(
    'defuses a cell a spreadsheet would run as a formula: %j',
    (statement) => {
      expect(signatoriesCsv([row({ statement })])).toContain(`'${statement}`);
    },
  );

  it.each([
    [
      'LF',
      'ok\n=HYPERLINK("http://evil.example","x")',
      '"ok\n\'=HYPERLINK(""http://evil.example"",""x"")"',
    ],
    ['CRLF', 'ok\r\n+1', '"ok\r\n\'+1"'],
    ['CR', 'ok\r@SUM(A1)', '"ok\r\'@SUM(A1)"'],
    ['a tab after a line break', 'ok\n\t-1', '"ok\n\'\t-1"'],
    ['every line', '=1\n=2\r\n-3', "\"'=1\n'=2\r\n'-3\""],
  ])('defuses a formula at the start of any line of a cell (%s)', (_, statement, cell) => {
    expect(statementCell(statement)).toBe(cell);
  });

  it('leaves formula characters inside a line alone', () => {
    expect(statementCell('1 + 1 = 2, and a-b @ c')).toBe('"1 + 1 = 2, and a-b @ c"');
  });

  it('defuses names, meeting titles and withdrawal reasons too', () => {
    const csv = signatoriesCsv([
      row({ participant: '=cmd', meeting: 'Paris\n@x', withdrawalReason: '-2+3' }),
    ]);
    expect(csv).toContain(`${BOM + HEADER}'=cmd,`);
    expect(csv).toContain(`,"Paris\n'@x",`);
    expect(csv.endsWith(`,'-2+3,\r\n`)).toBe(true);
  });

  it('writes the withdrawal when there is one', () => {
    const csv = signatoriesCsv([
      row({ withdrawnAt: new Date('2025-05-01T00:00:00.000Z'), withdrawalReason: 'Letter' }),
    ]);
    expect(csv.trimEnd().endsWith(',2025-05-01T00:00:00.000Z,Letter,')).toBe(true);
  });

  it('lists the participant’s statements on the text in their own cell, made inert', () => {
    const csv = signatoriesCsv([
      row({ statements: 'INTERPRETIVE_DECLARATION (clause 2): We read it so.\n=1+1' }),
    ]);
    expect(csv).toContain(`,,,"INTERPRETIVE_DECLARATION (clause 2): We read it so.\n'=1+1"\r\n`);
  });
});
