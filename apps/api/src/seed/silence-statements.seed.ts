import { Injectable } from '@nestjs/common';
import { Actor, ClauseKind, DocumentKind, ParticipantKind } from '@accord/common';
import {
  ClausesService,
  DocumentsService,
  DraftingSeedRepository,
  LifecycleService,
  SilenceDeadlineService,
  SilenceService,
  StatementKind,
  StatementsService,
} from '@accord/drafting';
import { SeedContext, SeedStep } from './seed-context';

export const SILENCE_DEMO_SLUG = 'pall-mall-implementation-statement-demo';
const CODE_FOR_STATES = 'code-of-practice-for-states-2025';
/** An hour ahead: the procedures are started for real, then dated back (demo data). */
const SOON = () => new Date(Date.now() + 3_600_000);

const DEMO_TEXT: { kind: ClauseKind; text: string }[] = [
  {
    kind: ClauseKind.PREAMBULAR,
    text: 'Recalling the Code of Practice for States adopted in Paris on 4 April 2025,',
  },
  {
    kind: ClauseKind.OPERATIVE,
    text: 'Participating States will share, once a year, how they implement the Code of Practice.',
  },
  {
    kind: ClauseKind.OPERATIVE,
    text: 'The co-chairs will compile these contributions ahead of each Pall Mall Process meeting.',
  },
];

/**
 * Demo data (invented, marked as such): a short Pall Mall text circulated under the silence
 * procedure twice — broken by France the first time, concluded (adopted at the deadline) the
 * second — and interpretive declarations anchored to clauses of the Code of Practice for
 * States. Through the services, so rules and audit apply; the procedures' times are then dated
 * back to September 2025.
 */
@Injectable()
export class SilenceStatementsSeed implements SeedStep {
  constructor(
    private readonly documents: DocumentsService,
    private readonly clauses: ClausesService,
    private readonly lifecycle: LifecycleService,
    private readonly silence: SilenceService,
    private readonly deadlines: SilenceDeadlineService,
    private readonly statements: StatementsService,
    private readonly backdating: DraftingSeedRepository,
  ) {}

  async seed(context: SeedContext): Promise<void> {
    await this.seedSilence(context);
    await this.seedDeclarations(context);
  }

  private async seedSilence(context: SeedContext): Promise<void> {
    const staff = context.secretariat;
    const document = await this.documents.create(staff, {
      title: 'Pall Mall Process: statement on implementing the Code of Practice for States (demo)',
      slug: SILENCE_DEMO_SLUG,
      kind: DocumentKind.STATEMENT,
      eligibleKinds: [ParticipantKind.STATE],
    });
    for (const clause of DEMO_TEXT) {
      await this.clauses.add(staff, { documentId: document.id, ...clause });
    }
    await this.lifecycle.openNegotiation(staff, document.id);

    const broken = await this.silence.start(staff, document.id, SOON(), 'Europe/London');
    await this.silence.break(
      user(context, 'head.fr@accord.example'),
      broken.id,
      'Demo: France asks for the annual contributions to be voluntary; we propose "may share".',
    );
    await this.backdating.backdateSilence(broken.id, {
      startedAt: new Date('2025-09-01T09:00:00Z'),
      deadline: new Date('2025-09-08T16:00:00Z'),
      endedAt: new Date('2025-09-04T10:30:00Z'),
    });

    const concluded = await this.silence.start(staff, document.id, SOON(), 'Europe/London');
    await this.backdating.backdateSilence(concluded.id, {
      startedAt: new Date('2025-09-15T09:00:00Z'),
      deadline: new Date('2025-09-22T16:00:00Z'),
    });
    const outcome = await this.deadlines.adoptAtDeadline(concluded.id);
    if (outcome !== 'ADOPTED') throw new Error(`Seed: silence demo not adopted (${outcome})`);
    context.documentIds.set(SILENCE_DEMO_SLUG, document.id);
  }

  private async seedDeclarations(context: SeedContext): Promise<void> {
    const documentId = context.documentIds.get(CODE_FOR_STATES);
    if (!documentId) return;
    const clauses = await this.backdating.clauseIdsOf(documentId);
    const declare = (email: string, text: string, clauseIds: string[]) =>
      this.statements.make(user(context, email), {
        documentId,
        kind: StatementKind.INTERPRETIVE_DECLARATION,
        text,
        clauseIds: clauseIds.filter(Boolean),
      });
    await declare(
      'head.fr@accord.example',
      'Demo: France understands the commitments of this paragraph to apply within existing national legal frameworks.',
      [clauses[1]],
    );
    await declare(
      'head.mx@accord.example',
      'Demo: Mexico reads these paragraphs together, as one commitment to responsible use.',
      [clauses[2], clauses[3]],
    );
    await declare(
      'head.uk@accord.example',
      'Demo: the United Kingdom will report on its implementation at each Pall Mall Process meeting.',
      [clauses.at(-1)!],
    );
  }
}

function user(context: SeedContext, email: string): Actor {
  const actor = context.users.get(email);
  if (!actor) throw new Error(`Seed: no demo user ${email}`);
  return actor;
}
