import { Logger } from '@nestjs/common';
import {
  Actor,
  DelegationRole,
  DocumentStatus,
  ParticipantKind,
  PlatformRole,
} from '@accord/common';
import { AuditService } from '@accord/audit';
import { DocumentEntity, DocumentsReader } from '@accord/drafting';
import { ParticipantsService } from '@accord/participants';
import { PubSubEngine } from 'graphql-subscriptions';
import { MeetingRefsRepository } from './meeting-refs.repository';
import { SIGNATURE_ADDED } from './signature-events';
import { SignatureEntity } from './signature.entity';
import { SignaturesRepository } from './signatures.repository';
import { SignaturesService } from './signatures.service';

const head: Actor = {
  id: 'head',
  email: 'head@test.example',
  displayName: 'Head',
  platformRole: PlatformRole.NONE,
  membership: {
    participantId: 'state',
    participantKind: ParticipantKind.STATE,
    role: DelegationRole.HEAD_OF_DELEGATION,
  },
};

const document = Object.assign(new DocumentEntity(), {
  id: 'doc',
  status: DocumentStatus.OPEN_FOR_SIGNATURE,
  eligibleKinds: [ParticipantKind.STATE],
  adoptedHash: 'h'.repeat(64),
  adoptedAt: new Date('2025-04-04T10:00:00Z'),
});

/** Only the calls a test expects exist: any other call throws, failing the test. */
function setup() {
  const events: string[] = [];
  const signatures = {
    activeFor: jest.fn().mockResolvedValue(null),
    insert: jest.fn(
      async (s: Partial<SignatureEntity>) => ({ ...s, id: 'sig' }) as SignatureEntity,
    ),
  };
  const documents = {
    getById: jest.fn().mockResolvedValue(document),
    getForSigning: jest.fn().mockResolvedValue(document),
    canRead: jest.fn().mockReturnValue(true),
  };
  const audit = { record: jest.fn(async () => void events.push('audit')) };
  const txHost = {
    withTransaction: jest.fn(async (fn: () => Promise<unknown>) => {
      const result = await fn();
      events.push('commit');
      return result;
    }),
  };
  const pubSub = { publish: jest.fn(async () => void events.push('publish')) };
  const service = new SignaturesService(
    signatures as unknown as SignaturesRepository,
    {} as MeetingRefsRepository,
    documents as unknown as DocumentsReader,
    {} as ParticipantsService,
    audit as unknown as AuditService,
    txHost as never,
    pubSub as unknown as PubSubEngine,
    { signatureRecorded: async () => undefined } as never,
  );
  return { service, events, signatures, documents, audit, pubSub };
}

describe(SignaturesService.name, () => {
  it('publishes signatureAdded with ids only, after the transaction has committed', async () => {
    const { service, events, pubSub } = setup();
    await service.sign(head, { documentId: 'doc' });
    expect(events).toEqual(['audit', 'commit', 'publish']);
    expect(pubSub.publish).toHaveBeenCalledWith(SIGNATURE_ADDED, {
      signatureId: 'sig',
      documentId: 'doc',
    });
  });

  it('publishes nothing when the transaction fails', async () => {
    const { service, audit, pubSub } = setup();
    audit.record.mockRejectedValueOnce(new Error('audit chain unavailable'));
    await expect(service.sign(head, { documentId: 'doc' })).rejects.toThrow('audit chain');
    expect(pubSub.publish).not.toHaveBeenCalled();
  });

  it('keeps a committed signature when the notification cannot be sent', async () => {
    const { service, pubSub } = setup();
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    pubSub.publish.mockRejectedValueOnce(new Error('LISTEN connection lost'));
    await expect(service.sign(head, { documentId: 'doc' })).resolves.toMatchObject({ id: 'sig' });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('LISTEN connection lost'));
    warn.mockRestore();
  });

  it('stores the document’s adoptedHash as the hash of the text signed', async () => {
    const { service, signatures } = setup();
    await service.sign(head, { documentId: 'doc', statement: '  ' });
    expect(signatures.insert).toHaveBeenCalledWith(
      expect.objectContaining({
        textHash: document.adoptedHash,
        signedById: 'head',
        recordedById: null,
        statement: null,
      }),
    );
  });

  it('refuses a delegate before reading anything', async () => {
    const { service, documents } = setup();
    const delegate: Actor = {
      ...head,
      membership: { ...head.membership!, role: DelegationRole.DELEGATE },
    };
    await expect(service.sign(delegate, { documentId: 'doc' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(documents.getForSigning).not.toHaveBeenCalled();
  });
});
