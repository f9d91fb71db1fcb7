/**
 * The generated data, written once with bulk SQL after Accord's migrations, identical for the
 * three servers (they read the same database). It keeps Accord's invariants: versions hold the
 * canonical text and its SHA-256 (Accord's own functions), an adopted text's signatures carry
 * its adoptedHash, amendments name their proposing delegation and the clause version they were
 * made on, co-sponsors differ from the proposer, comments name their author's delegation.
 */
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { getNames } from 'i18n-iso-countries';
import { ClauseKind, DelegationRole, ParticipantKind } from '@accord/common';
import { PasswordHasher } from '@accord/auth';
import { canonicalText, clauseNumbers, sha256Hex } from '@accord/drafting';

export const BENCH_PASSWORD = 'bench-password-not-secret';
export const SIZES = {
  participants: 300,
  adoptedClauses: 20,
  signatures: 200,
  draftClauses: 300,
  amendments: 1000,
  cosponsorsPerAmendment: 2,
  comments: 2000,
  page: 50,
  /** Small drafts for the "writes on different documents" scenario. */
  writeDrafts: 50,
  writeDraftClauses: 5,
};

export interface BenchUser {
  id: string;
  email: string;
  participantId: string | null;
}

export interface BenchData {
  adoptedSlug: string;
  adoptedId: string;
  draftSlug: string;
  draftId: string;
  draftClauseIds: string[];
  /** One draft per writer (small), for writes spread over documents. */
  writeDrafts: { id: string; clauseIds: string[] }[];
  /** The delegate who reads the draft and the one whose `me` is read. */
  reader: BenchUser;
  secretariat: BenchUser;
  /** Delegates of distinct participants: the writers. */
  writers: BenchUser[];
}

type Column = [name: string, pgType: string];

/** INSERT … SELECT FROM unnest(arrays): one statement per table whatever the row count. */
async function insertRows(
  client: Client,
  table: string,
  columns: Column[],
  rows: unknown[][],
): Promise<void> {
  if (!rows.length) return;
  const names = columns.map(([name]) => `"${name}"`).join(', ');
  const arrays = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  const values = columns.map((_, i) => rows.map((row) => row[i]));
  await client.query(`INSERT INTO "${table}" (${names}) SELECT * FROM unnest(${arrays})`, values);
}

const pad = (n: number) => String(n).padStart(3, '0');

function participantRows(): {
  id: string;
  kind: ParticipantKind;
  name: string;
  code: string | null;
}[] {
  const countries = Object.entries(getNames('en', { select: 'official' })).sort(([a], [b]) =>
    a.localeCompare(b),
  );
  const others = [
    ParticipantKind.COMPANY,
    ParticipantKind.INTERNATIONAL_ORGANISATION,
    ParticipantKind.CIVIL_SOCIETY,
    ParticipantKind.ACADEMIA,
  ];
  return Array.from({ length: SIZES.participants }, (_, i) => {
    if (i < 150) {
      const [code, name] = countries[i];
      return { id: randomUUID(), kind: ParticipantKind.STATE, name, code };
    }
    const kind = others[i % others.length];
    return { id: randomUUID(), kind, name: `Bench ${kind.toLowerCase()} ${pad(i)}`, code: null };
  });
}

interface ClauseRow {
  id: string;
  kind: ClauseKind;
  text: string;
}

function clauses(count: number, label: string): ClauseRow[] {
  return Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    kind:
      i % 50 === 0
        ? ClauseKind.HEADING
        : i % 50 < 10
          ? ClauseKind.PREAMBULAR
          : ClauseKind.OPERATIVE,
    text:
      i % 50 === 0
        ? `Part ${i / 50 + 1} of ${label}`
        : `Clause ${i + 1} of ${label}: the participating States and organisations [agree|undertake] to cooperate on capability ${i + 1}, consistent with international law.`,
  }));
}

async function insertDocument(
  client: Client,
  doc: { id: string; slug: string; title: string; status: string; adopted: boolean },
  rows: ClauseRow[],
  authorId: string,
): Promise<string> {
  const numbers = clauseNumbers(rows);
  const snapshot = rows.map((c, i) => ({
    id: c.id,
    kind: c.kind,
    number: numbers[i],
    text: c.text,
  }));
  const hash = sha256Hex(canonicalText(doc.title, snapshot));
  await client.query(
    `INSERT INTO documents (id, slug, title, kind, status, "eligibleKinds", "currentVersion",
                            "adoptedAt", "adoptedHash", "adoptedVersion")
     VALUES ($1, $2, $3, 'DECLARATION', $4, $5::participant_kind[], 1, $6, $7, $8)`,
    [
      doc.id,
      doc.slug,
      doc.title,
      doc.status,
      Object.values(ParticipantKind),
      doc.adopted ? new Date('2026-01-15T12:00:00Z') : null,
      doc.adopted ? hash : null,
      doc.adopted ? 1 : null,
    ],
  );
  await insertRows(
    client,
    'clauses',
    [
      ['id', 'uuid'],
      ['documentId', 'uuid'],
      ['position', 'int'],
      ['kind', 'clause_kind'],
      ['text', 'text'],
    ],
    rows.map((c, i) => [c.id, doc.id, i + 1, c.kind, c.text]),
  );
  await client.query(
    `INSERT INTO document_versions ("documentId", number, "createdById", reason, hash, text, clauses)
     VALUES ($1, 1, $2, 'Text as generated for the benchmark', $3, $4, $5::jsonb)`,
    [doc.id, authorId, hash, canonicalText(doc.title, snapshot), JSON.stringify(snapshot)],
  );
  return hash;
}

export async function generateData(url: string): Promise<BenchData> {
  const passwordHash = await new PasswordHasher().hash(BENCH_PASSWORD);
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    const participants = participantRows();
    await insertRows(
      client,
      'participants',
      [
        ['id', 'uuid'],
        ['kind', 'participant_kind'],
        ['name', 'varchar'],
        ['countryCode', 'char(2)'],
      ],
      participants.map((p) => [p.id, p.kind, p.name, p.code]),
    );
    // Two members per participant: a head of delegation and a delegate.
    const heads: BenchUser[] = [];
    const delegates: BenchUser[] = [];
    participants.forEach((p, i) => {
      heads.push({ id: randomUUID(), email: `head.${pad(i)}@bench.example`, participantId: p.id });
      delegates.push({
        id: randomUUID(),
        email: `delegate.${pad(i)}@bench.example`,
        participantId: p.id,
      });
    });
    const secretariat: BenchUser = {
      id: randomUUID(),
      email: 'secretariat@bench.example',
      participantId: null,
    };
    const users = [...heads, ...delegates];
    await insertRows(
      client,
      'users',
      [
        ['id', 'uuid'],
        ['email', 'varchar'],
        ['displayName', 'varchar'],
        ['passwordHash', 'varchar'],
        ['platformRole', 'platform_role'],
      ],
      [
        ...users.map((u) => [
          u.id,
          u.email,
          `Bench ${u.email.split('@')[0]}`,
          passwordHash,
          'NONE',
        ]),
        [secretariat.id, secretariat.email, 'Bench secretariat', passwordHash, 'SECRETARIAT'],
      ],
    );
    await insertRows(
      client,
      'delegation_memberships',
      [
        ['userId', 'uuid'],
        ['participantId', 'uuid'],
        ['role', 'delegation_role'],
      ],
      [
        ...heads.map((u) => [u.id, u.participantId, DelegationRole.HEAD_OF_DELEGATION]),
        ...delegates.map((u) => [u.id, u.participantId, DelegationRole.DELEGATE]),
      ],
    );

    // The adopted text, open for signature, signed by 200 participants' heads of delegation.
    const adoptedId = randomUUID();
    const adoptedHash = await insertDocument(
      client,
      {
        id: adoptedId,
        slug: 'bench-adopted-declaration',
        title: 'Bench adopted declaration',
        status: 'OPEN_FOR_SIGNATURE',
        adopted: true,
      },
      clauses(SIZES.adoptedClauses, 'the adopted declaration'),
      secretariat.id,
    );
    await insertRows(
      client,
      'signatures',
      [
        ['documentId', 'uuid'],
        ['participantId', 'uuid'],
        ['signedAt', 'timestamptz'],
        ['signedById', 'uuid'],
        ['textHash', 'char(64)'],
      ],
      Array.from({ length: SIZES.signatures }, (_, i) => [
        adoptedId,
        participants[i].id,
        new Date(Date.UTC(2026, 1, 1) + i * 3_600_000),
        heads[i].id,
        adoptedHash,
      ]),
    );

    // The draft under negotiation: 300 clauses, 1,000 amendments, 2,000 comments.
    const draftId = randomUUID();
    const draftClauses = clauses(SIZES.draftClauses, 'the draft code of practice');
    await insertDocument(
      client,
      {
        id: draftId,
        slug: 'bench-draft-code',
        title: 'Bench draft code of practice',
        status: 'NEGOTIATION',
        adopted: false,
      },
      draftClauses,
      secretariat.id,
    );
    const amendmentIds = Array.from({ length: SIZES.amendments }, () => randomUUID());
    await insertRows(
      client,
      'amendments',
      [
        ['id', 'uuid'],
        ['documentId', 'uuid'],
        ['clauseId', 'uuid'],
        ['kind', 'amendment_kind'],
        ['text', 'text'],
        ['rationale', 'text'],
        ['proposerId', 'uuid'],
        ['proposedById', 'uuid'],
        ['baseClauseVersion', 'int'],
      ],
      amendmentIds.map((id, i) => {
        const p = i % SIZES.participants;
        return [
          id,
          draftId,
          draftClauses[i % SIZES.draftClauses].id,
          'REPLACE',
          `Amended text ${i + 1}: the participants undertake to report on capability ${i + 1} every year.`,
          `Rationale ${i + 1}: clearer obligations.`,
          participants[p].id,
          delegates[p].id,
          1,
        ];
      }),
    );
    const cosponsors: unknown[][] = [];
    amendmentIds.forEach((id, i) => {
      for (let k = 1; k <= SIZES.cosponsorsPerAmendment; k++) {
        const p = (i + k * 7) % SIZES.participants;
        cosponsors.push([id, participants[p].id, heads[p].id]);
      }
    });
    await insertRows(
      client,
      'amendment_cosponsors',
      [
        ['amendmentId', 'uuid'],
        ['participantId', 'uuid'],
        ['cosponsoredById', 'uuid'],
      ],
      cosponsors,
    );
    await insertRows(
      client,
      'comments',
      [
        ['clauseId', 'uuid'],
        ['documentId', 'uuid'],
        ['authorId', 'uuid'],
        ['participantId', 'uuid'],
        ['body', 'text'],
      ],
      Array.from({ length: SIZES.comments }, (_, i) => {
        const author = users[(i * 13) % users.length];
        return [
          draftClauses[i % SIZES.draftClauses].id,
          draftId,
          author.id,
          author.participantId,
          `Comment ${i + 1}: our delegation would prefer a firmer wording here.`,
        ];
      }),
    );

    const writeDrafts: BenchData['writeDrafts'] = [];
    for (let d = 0; d < SIZES.writeDrafts; d++) {
      const id = randomUUID();
      const rows = clauses(SIZES.writeDraftClauses, `write draft ${d + 1}`);
      await insertDocument(
        client,
        {
          id,
          slug: `bench-write-draft-${pad(d)}`,
          title: `Bench write draft ${d + 1}`,
          status: 'NEGOTIATION',
          adopted: false,
        },
        rows,
        secretariat.id,
      );
      writeDrafts.push({ id, clauseIds: rows.map((c) => c.id) });
    }
    await client.query('COMMIT');
    await client.query('ANALYZE');
    return {
      adoptedSlug: 'bench-adopted-declaration',
      adoptedId,
      draftSlug: 'bench-draft-code',
      draftId,
      draftClauseIds: draftClauses.map((c) => c.id),
      writeDrafts,
      reader: delegates[SIZES.participants - 1],
      secretariat,
      // Delegates of distinct participants (the reader excluded).
      writers: delegates.slice(0, SIZES.participants - 1),
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
