import { Injectable } from '@nestjs/common';
import { Actor, AmendmentKind, ClauseKind, DocumentKind, ParticipantKind } from '@accord/common';
import {
  AmendmentsService,
  ClausesService,
  CommentsService,
  DocumentsService,
  DraftingSeedRepository,
  LifecycleService,
  TranslationsService,
} from '@accord/drafting';
import { FRENCH } from './pall-mall-french';
import { PALL_MALL, PallMallData } from './pall-mall-data';
import { SeedContext, SeedStep } from './seed-context';

export const INDUSTRY_DRAFT_SLUG = 'code-of-practice-for-industry-draft';

/**
 * An invented follow-up text, still under negotiation: brackets mark what is not agreed yet.
 * `key` names a clause for the amendments and comments below.
 */
const INDUSTRY_DRAFT: { key?: string; kind: ClauseKind; text: string }[] = [
  { kind: ClauseKind.HEADING, text: 'Preface' },
  {
    kind: ClauseKind.PREAMBULAR,
    text: 'Building on the Pall Mall Process Declaration of February 2024 and the Code of Practice for States of April 2025, this voluntary Code sets out good practices for companies that develop, sell or broker commercial cyber intrusion capabilities.',
  },
  {
    key: 'legitimate',
    kind: ClauseKind.PREAMBULAR,
    text: 'Recognising that these capabilities can serve legitimate purposes when used [in line with international law][consistent with international human rights law], and that their proliferation creates risks for all.',
  },
  { kind: ClauseKind.HEADING, text: 'Good practices for industry' },
  {
    key: 'diligence',
    kind: ClauseKind.OPERATIVE,
    text: 'Companies [should][will] carry out due diligence on prospective customers, including their human rights record, before any sale.',
  },
  {
    key: 'records',
    kind: ClauseKind.OPERATIVE,
    text: 'Companies keep records of sales and transfers and make them available to [national authorities][an independent oversight body] on request.',
  },
  {
    kind: ClauseKind.OPERATIVE,
    text: 'Companies do not knowingly supply vulnerabilities or exploits to actors that [use them irresponsibly][are subject to sanctions for their misuse].',
  },
  {
    key: 'reporting',
    kind: ClauseKind.OPERATIVE,
    text: 'Companies establish channels for reporting misuse and act on credible reports.',
  },
  { kind: ClauseKind.HEADING, text: 'Follow-up' },
  {
    kind: ClauseKind.OPERATIVE,
    text: 'Participants review this Code at their next plenary meeting.',
  },
];

type AdoptedText = PallMallData['documents'][number];

/**
 * The two adopted Pall Mall texts, taken through the lifecycle by the secretariat up to
 * OPEN_FOR_SIGNATURE (their adoption dated as in the sources), and one draft in NEGOTIATION
 * with open brackets, amendments by demo delegations, a co-sponsorship and a comment thread.
 */
@Injectable()
export class DraftingSeed implements SeedStep {
  constructor(
    private readonly documents: DocumentsService,
    private readonly clauses: ClausesService,
    private readonly lifecycle: LifecycleService,
    private readonly amendments: AmendmentsService,
    private readonly comments: CommentsService,
    private readonly backdating: DraftingSeedRepository,
    private readonly translations: TranslationsService,
  ) {}

  async seed(context: SeedContext): Promise<void> {
    for (const text of PALL_MALL.documents) await this.seedAdopted(context, text);
    await this.seedNegotiation(context);
  }

  private async seedAdopted(context: SeedContext, text: AdoptedText): Promise<void> {
    const staff = context.secretariat;
    const document = await this.documents.create(staff, {
      title: text.title,
      slug: text.slug,
      kind: text.kind as DocumentKind,
      eligibleKinds: text.eligibleKinds,
      languages: ['en', 'fr'],
    });
    const ids: string[] = [];
    for (const clause of text.clausesParaphrased) {
      const { clause: added } = await this.clauses.add(staff, {
        documentId: document.id,
        kind: clause.kind as ClauseKind,
        text: clause.text,
      });
      ids.push(added.id);
    }
    await this.translateIntoFrench(staff, document.id, text.slug, ids);
    await this.lifecycle.openNegotiation(staff, document.id);
    await this.lifecycle.adopt(staff, document.id);
    await this.lifecycle.openForSignature(staff, document.id);
    // The sources give the day only: noon UTC falls inside both conferences' hours.
    await this.backdating.backdateAdoption(document.id, new Date(`${text.adoptedAt}T12:00:00Z`));
    context.documentIds.set(text.slug, document.id);
  }

  /** The French title and the French of each clause (just added: version 1), by the secretariat. */
  private async translateIntoFrench(
    staff: Actor,
    documentId: string,
    slug: string,
    clauseIds: string[],
  ): Promise<void> {
    const french = FRENCH[slug];
    if (french?.clauses.length !== clauseIds.length) {
      throw new Error(`Seed: the French text of ${slug} does not match its clauses`);
    }
    await this.translations.setTitle(staff, documentId, 'fr', french.title);
    for (const [i, clauseId] of clauseIds.entries()) {
      await this.translations.setClauseTranslation(staff, {
        clauseId,
        language: 'fr',
        text: french.clauses[i],
        sourceVersion: 1,
      });
    }
  }

  private async seedNegotiation(context: SeedContext): Promise<void> {
    const staff = context.secretariat;
    const user = (email: string): Actor => {
      const actor = context.users.get(email);
      if (!actor) throw new Error(`Seed: no demo user ${email}`);
      return actor;
    };
    const uk = user('delegate.uk@accord.example');
    const france = user('head.fr@accord.example');
    const google = user('delegate.google@accord.example');
    const mexico = user('head.mx@accord.example');

    const document = await this.documents.create(staff, {
      title: 'Pall Mall Process: Code of Practice for Industry (draft)',
      slug: INDUSTRY_DRAFT_SLUG,
      kind: DocumentKind.CODE_OF_PRACTICE,
      eligibleKinds: [ParticipantKind.STATE, ParticipantKind.COMPANY],
      languages: ['en', 'fr'],
    });
    const ids = new Map<string, string>();
    const order: string[] = [];
    for (const clause of INDUSTRY_DRAFT) {
      const { clause: added } = await this.clauses.add(staff, {
        documentId: document.id,
        kind: clause.kind,
        text: clause.text,
      });
      if (clause.key) ids.set(clause.key, added.id);
      order.push(added.id);
    }
    await this.translateIntoFrench(staff, document.id, INDUSTRY_DRAFT_SLUG, order);
    const clause = (key: string) => ids.get(key)!;
    // A direct edit while still in DRAFT, so that the history shows more than the first typing;
    // made after the French was written, it leaves one stale French clause (the drift alarm).
    await this.clauses.update(google, {
      clauseId: clause('reporting'),
      text: 'Companies establish accessible channels for reporting misuse and act promptly on credible reports.',
      expectedVersion: 1,
    });
    await this.lifecycle.openNegotiation(staff, document.id);

    const diligence = await this.amendments.propose(uk, {
      clauseId: clause('diligence'),
      kind: AmendmentKind.REPLACE,
      text: 'Companies will carry out due diligence on prospective customers, including their human rights record, before any sale and before each renewal.',
      rationale:
        'Settles the bracket on a firm commitment, and covers renewals, where most sales happen.',
    });
    await this.amendments.cosponsor(france, diligence.id);
    await this.amendments.propose(mexico, {
      clauseId: clause('records'),
      kind: AmendmentKind.REPLACE,
      text: 'Companies keep records of sales and transfers and make them available on request to national authorities and, where one exists, an independent oversight body.',
      rationale: 'Few states have an independent oversight body; this wording works for all.',
    });
    await this.amendments.propose(google, {
      clauseId: clause('reporting'),
      kind: AmendmentKind.INSERT_AFTER,
      clauseKind: ClauseKind.OPERATIVE,
      text: 'Companies publish, at least once a year, a transparency report on their sales policies and on the reports of misuse they received.',
      rationale: 'Transparency is one of the four pillars of the 2024 Declaration.',
    });
    await this.amendments.propose(france, {
      clauseId: clause('legitimate'),
      kind: AmendmentKind.REPLACE,
      text: 'Recognising that these capabilities can serve legitimate purposes when used consistently with international law, including international human rights law, and that their proliferation creates risks for all.',
      rationale: 'Merges both bracketed options.',
    });

    const question = await this.comments.add(
      google,
      clause('diligence'),
      'How would this apply to resellers and brokers who never meet the end customer?',
      null,
    );
    await this.comments.add(
      uk,
      clause('diligence'),
      'Brokers are covered by the Preface; we could name them here to remove any doubt.',
      question.id,
    );
    await this.comments.add(
      mexico,
      clause('records'),
      'Which oversight bodies are meant? We should not assume every state has one.',
      null,
    );
    await this.comments.add(
      staff,
      clause('records'),
      'The secretariat will circulate a note on existing oversight bodies before the next session.',
      null,
    );
    context.documentIds.set(INDUSTRY_DRAFT_SLUG, document.id);
  }
}
