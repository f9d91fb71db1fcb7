import {
  Actor,
  ClauseKind,
  DelegationRole,
  DocumentKind,
  DocumentStatus,
  ErrorCode,
  ParticipantKind,
  PlatformRole,
  TransactionHost,
  TypeOrmAdapter,
} from '@accord/common';
import { AuditService } from '@accord/audit';
import { strictMock } from '../../../../tests/support/strict-mock';
import { ClauseEntity } from '../clauses/clause.entity';
import { DocumentEntity } from '../documents/document.entity';
import { DocumentsRepository } from '../documents/documents.repository';
import { DocumentEvents } from '../shared/document-events';
import { DraftLocks } from '../shared/draft-locks.service';
import { TextVersionsService } from '../versions/text-versions.service';
import { TranslationsRepository } from './translations.repository';
import { TranslationsService } from './translations.service';

const secretariat: Actor = {
  id: 'sec',
  email: 'sec@test.example',
  displayName: 'Secretariat',
  platformRole: PlatformRole.SECRETARIAT,
  membership: null,
};
const observer: Actor = {
  ...secretariat,
  id: 'obs',
  platformRole: PlatformRole.NONE,
  membership: {
    participantId: 'p',
    participantKind: ParticipantKind.STATE,
    role: DelegationRole.OBSERVER,
  },
};

const document = (overrides: Partial<DocumentEntity> = {}): DocumentEntity =>
  Object.assign(new DocumentEntity(), {
    id: 'doc',
    slug: 'doc',
    title: 'The Code',
    kind: DocumentKind.STATEMENT,
    status: DocumentStatus.DRAFT,
    eligibleKinds: [ParticipantKind.STATE],
    languages: ['en', 'fr'],
    titleTranslations: {},
    currentVersion: 4,
    ...overrides,
  });
const clause = (): ClauseEntity =>
  Object.assign(new ClauseEntity(), {
    id: 'c1',
    documentId: 'doc',
    position: 1,
    kind: ClauseKind.OPERATIVE,
    text: 'States will act.',
    version: 3,
    deletedAt: null,
  });

function setup(
  translations: Partial<Record<keyof TranslationsRepository, jest.Mock>> = {},
  status = DocumentStatus.DRAFT,
) {
  const order: string[] = [];
  const locks = strictMock<DraftLocks>({
    clause: jest.fn().mockResolvedValue({ document: document({ status }), clause: clause() }),
    document: jest.fn().mockResolvedValue(document({ status })),
  });
  const versions = strictMock<TextVersionsService>({
    numbered: jest.fn().mockResolvedValue([{ clause: clause(), number: '1' }]),
    record: jest.fn().mockImplementation(async () => ({
      document: document({ currentVersion: 5 }),
      version: { number: 5 },
      clauses: [{ clause: clause(), number: '1' }],
    })),
  });
  const audit = strictMock<AuditService>({
    record: jest.fn().mockImplementation(async () => void order.push('audit')),
  });
  const events = strictMock<DocumentEvents>({
    changed: jest.fn().mockImplementation(async () => void order.push('published')),
  });
  const txHost = strictMock<TransactionHost<TypeOrmAdapter>>({
    withTransaction: jest.fn(async (fn: () => unknown) => {
      const result = await fn();
      order.push('committed');
      return result;
    }),
  });
  const service = new TranslationsService(
    locks,
    strictMock<DocumentsRepository>(),
    strictMock<TranslationsRepository>(translations),
    versions,
    audit,
    events,
    txHost,
  );
  return { service, versions, events, order };
}

const input = { clauseId: 'c1', language: 'fr', text: 'Les États agiront.', sourceVersion: 3 };

describe(TranslationsService.name, () => {
  it('saves a translation of the current version, records a version and an audit event, publishes after commit', async () => {
    const save = jest.fn().mockImplementation(async (t: object) => ({ ...t, id: 't1' }));
    const { service, versions, order } = setup({
      ofClauses: jest.fn().mockResolvedValue([]),
      save,
    });
    await service.setClauseTranslation(secretariat, { ...input, language: ' FR ' });
    expect(save).toHaveBeenCalledWith(
      expect.objectContaining({ language: 'fr', sourceVersion: 3, updatedById: 'sec' }),
    );
    expect(versions.record).toHaveBeenCalledTimes(1);
    expect(order).toEqual(['audit', 'committed', 'published']);
  });

  it('refuses an older sourceVersion with CONFLICT carrying the current version and text, writing nothing', async () => {
    const { service, events } = setup();
    await expect(
      service.setClauseTranslation(secretariat, { ...input, sourceVersion: 2 }),
    ).rejects.toMatchObject({
      code: ErrorCode.CONFLICT,
      extensions: { field: 'sourceVersion', currentVersion: 3, currentText: 'States will act.' },
    });
    expect(events.changed).not.toHaveBeenCalled();
  });

  it('refuses a sourceVersion the clause never had with BAD_USER_INPUT naming sourceVersion', async () => {
    const { service } = setup();
    await expect(
      service.setClauseTranslation(secretariat, { ...input, sourceVersion: 4 }),
    ).rejects.toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
      extensions: { field: 'sourceVersion' },
    });
  });

  it('refuses the language of negotiation and languages the document does not declare', async () => {
    const { service } = setup();
    for (const language of ['en', 'de', 'xx']) {
      await expect(
        service.setClauseTranslation(secretariat, { ...input, language }),
      ).rejects.toMatchObject({
        code: ErrorCode.BAD_USER_INPUT,
        extensions: { field: 'language' },
      });
    }
  });

  it('checks the caller before the input: an observer is FORBIDDEN whatever the language', async () => {
    const { service } = setup();
    await expect(
      service.setClauseTranslation(observer, { ...input, language: 'xx' }),
    ).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
    await expect(service.setTitle(observer, 'doc', 'xx', 'Titel')).rejects.toMatchObject({
      code: ErrorCode.FORBIDDEN,
    });
  });

  it('changes nothing when the same text from the same version is set again', async () => {
    const existing = { ...input, clauseId: 'c1', documentId: 'doc' };
    const { service, versions, events } = setup({
      ofClauses: jest.fn().mockResolvedValue([existing]),
    });
    // The strict repository would throw on save: no save, no version, no event.
    await service.setClauseTranslation(secretariat, input);
    expect(versions.record).not.toHaveBeenCalled();
    expect(events.changed).not.toHaveBeenCalled();
  });

  it('refuses to move the language of negotiation once the document has clauses', async () => {
    const { service } = setup();
    await expect(service.setLanguages(secretariat, 'doc', ['fr', 'en'])).rejects.toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
      extensions: { field: 'languages' },
    });
  });
});
