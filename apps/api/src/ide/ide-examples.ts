import { DEMO_PASSWORD } from '../seed/participants.seed';
import { INDUSTRY_DRAFT_SLUG } from '../seed/drafting.seed';

/** One tab of the IDE: an operation ready to run, its variables and its headers. */
export interface IdeExample {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  headers: Record<string, string>;
  /** Runs in Altair's script sandbox after the response: keeps a token or an id for the next tabs. */
  postRequestScript?: string;
}

/** The environment variables the examples fill in (Altair interpolates {{name}} in headers and variables). */
export const IDE_ENVIRONMENT_VARIABLES = {
  delegateToken: '',
  secretariatToken: '',
  clauseId: '',
  documentId: '',
  meetingId: '',
};

const bearer = (variable: keyof typeof IDE_ENVIRONMENT_VARIABLES) => ({
  Authorization: `Bearer {{${variable}}}`,
});

/**
 * A post-request script: `pick(data)` returns the value to keep, stored in the active
 * environment under `variable` (the `true` argument), so that later tabs read `{{variable}}`.
 */
function keep(
  variable: keyof typeof IDE_ENVIRONMENT_VARIABLES,
  pick: string,
  hint: string,
): string {
  return [
    // The body arrives as text.
    `const raw = altair.response.body;`,
    `const body = typeof raw === 'string' ? JSON.parse(raw || '{}') : raw || {};`,
    `const data = body.data || {};`,
    `const value = (${pick})(data);`,
    `if (value) altair.helpers.setEnvironment('${variable}', value, true);`,
    `else altair.log(${JSON.stringify(hint)});`,
  ].join('\n');
}

const LOGIN = `mutation SignIn($email: String!, $password: String!, $totpCode: String) {
  login(email: $email, password: $password, totpCode: $totpCode) {
    accessToken
    accessTokenExpiresAt
    user { displayName platformRole delegation { role participant { name } } }
  }
}`;

const READ_DRAFT = `query ReadDraft($slug: String!) {
  document(slug: $slug) {
    id
    title
    status
    version
    openBrackets
    clauses {
      id
      number
      kind
      text
      amendments(status: PROPOSED) { kind text proposer { name } }
    }
  }
}`;

const PROPOSE_AMENDMENT = `mutation ProposeAmendment($input: ProposeAmendmentInput!) {
  proposeAmendment(input: $input) {
    id
    kind
    status
    text
    rationale
    proposer { name }
    clause { number text }
  }
}`;

const DOCUMENTS = `query Documents {
  documents {
    id
    slug
    title
    status
    version
  }
}`;

const OPEN_FOR_SIGNATURE = `mutation OpenForSignature($documentId: ID!) {
  openForSignature(documentId: $documentId) {
    id
    title
    status
    adoptedHash
  }
}`;

const MEETINGS = `query Meetings {
  meetings {
    id
    title
    status
    startsAt
    city
  }
}`;

const GENERATE_AGENDA = `mutation GenerateAgenda($meetingId: ID!) {
  generateAgenda(meetingId: $meetingId) {
    version
    warnings
    items { number title kind startsAt endsAt }
  }
}`;

const SIGNATORIES = `query Signatories {
  documents(status: OPEN_FOR_SIGNATURE) {
    title
    adoptedAt
    signatureCount
    signatureCountsByKind { kind count }
    signatures { signedAt participant { name kind countryCode } }
  }
}`;

/** The demo accounts the examples sign in with, when the demo data is loaded. */
const DEMO = {
  delegate: 'delegate.uk@accord.example',
  secretariat: 'secretariat@accord.example',
};

/**
 * Example operations per role, in the order a newcomer runs them: each role's first tab signs
 * in (its script keeps the token), the next tabs send `Authorization: Bearer {{…Token}}`.
 * Without demo data the sign-in tabs hold placeholders to replace with a real account.
 */
export function ideExamples(options: { demo: boolean }): IdeExample[] {
  const credentials = (email: string) =>
    options.demo
      ? { email, password: DEMO_PASSWORD }
      : { email: 'you@example.org', password: 'your password' };
  return [
    {
      name: 'Delegate · 1 sign in',
      query: LOGIN,
      variables: credentials(DEMO.delegate),
      headers: {},
      postRequestScript: keep(
        'delegateToken',
        '(d) => d.login && d.login.accessToken',
        'No token: check the email and password in the variables',
      ),
    },
    {
      name: 'Delegate · 2 read the draft',
      query: READ_DRAFT,
      variables: { slug: INDUSTRY_DRAFT_SLUG },
      headers: bearer('delegateToken'),
      postRequestScript: keep(
        'clauseId',
        `(d) => { const c = d.document && d.document.clauses.find((c) => c.kind === 'OPERATIVE'); return c && c.id; }`,
        'No operative clause found: is the draft visible to this account?',
      ),
    },
    {
      name: 'Delegate · 3 propose an amendment',
      query: PROPOSE_AMENDMENT,
      variables: {
        input: {
          clauseId: '{{clauseId}}',
          kind: 'REPLACE',
          text: 'Companies will carry out due diligence on prospective customers before any sale, and review it every year.',
          rationale: 'Proposed from the IDE example',
        },
      },
      headers: bearer('delegateToken'),
    },
    {
      name: 'Secretariat · 1 sign in',
      query: LOGIN,
      variables: credentials(DEMO.secretariat),
      headers: {},
      postRequestScript: keep(
        'secretariatToken',
        '(d) => d.login && d.login.accessToken',
        'No token: check the email and password in the variables',
      ),
    },
    {
      name: 'Secretariat · 2 documents',
      query: DOCUMENTS,
      variables: {},
      headers: bearer('secretariatToken'),
      postRequestScript: keep(
        'documentId',
        // An ADOPTED document can be opened; else the draft shows the lifecycle's answer.
        `(d) => { const all = d.documents || []; const doc = all.find((x) => x.status === 'ADOPTED') || all.find((x) => x.status === 'NEGOTIATION'); return doc && doc.id; }`,
        'No ADOPTED or NEGOTIATION document',
      ),
    },
    {
      name: 'Secretariat · 3 open for signature',
      query: OPEN_FOR_SIGNATURE,
      variables: { documentId: '{{documentId}}' },
      headers: bearer('secretariatToken'),
    },
    {
      name: 'Secretariat · 4 meetings',
      query: MEETINGS,
      variables: {},
      headers: bearer('secretariatToken'),
      postRequestScript: keep(
        'meetingId',
        `(d) => { const m = (d.meetings || []).find((x) => x.status === 'PLANNED' || x.status === 'CONFIRMED'); return m && m.id; }`,
        'No PLANNED or CONFIRMED meeting',
      ),
    },
    {
      name: 'Secretariat · 5 generate an agenda',
      query: GENERATE_AGENDA,
      variables: { meetingId: '{{meetingId}}' },
      headers: bearer('secretariatToken'),
    },
    {
      name: 'Public · signatories',
      query: SIGNATORIES,
      variables: {},
      // Anyone may read these; paste a token after "Bearer " to read as someone.
      headers: { Authorization: 'Bearer ' },
    },
  ];
}
