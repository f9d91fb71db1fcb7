import { strictMock } from '../../../tests/support/strict-mock';
import { auditHash } from './audit-hash';
import { AuditRepository, NewAuditEvent } from './audit.repository';
import { AuditService } from './audit.service';
import { AuditCheckpointsService } from './checkpoints/audit-checkpoints.service';
import { TransactionHost, TypeOrmAdapter } from '@accord/common';

describe(AuditService.name, () => {
  function setup(
    lastHash: string | null,
    head = { seq: '4', nextId: '2', checkpointedId: null as string | null },
  ) {
    const inserted: NewAuditEvent[] = [];
    const repository = strictMock<AuditRepository>({
      lockStream: jest.fn().mockResolvedValue({ ...head, hash: lastHash }),
      append: jest.fn((event: NewAuditEvent) => {
        inserted.push(event);
        return Promise.resolve();
      }),
    });
    const checkpoints = strictMock<AuditCheckpointsService>({
      write: jest.fn().mockResolvedValue(true),
    });
    // record() runs in the caller's transaction or its own: here, the callback at once.
    const txHost = strictMock<TransactionHost<TypeOrmAdapter>>({
      withTransaction: jest.fn((work: () => Promise<unknown>) => work()) as never,
    });
    return {
      service: new AuditService(repository, checkpoints, txHost),
      repository,
      checkpoints,
      inserted,
    };
  }

  it('locks the stream of the entity, links to its head and stores the hash of what it stores', async () => {
    const { service, repository, inserted } = setup('a'.repeat(64));
    await service.record(null, {
      action: 'comment.added',
      entityType: 'Comment',
      entityId: '42',
      details: { documentId: 'doc-1' },
    });
    expect(repository.lockStream).toHaveBeenCalledWith('document:doc-1');
    expect(inserted[0]).toMatchObject({
      id: '2',
      stream: 'document:doc-1',
      seq: '5',
      prevHash: 'a'.repeat(64),
    });
    expect(inserted[0].hash).toBe(auditHash(inserted[0]));
  });

  it('stores details as jsonb will give them back (a Date becomes its ISO string), so verification agrees', async () => {
    const { service, inserted } = setup(null);
    const at = new Date('2025-04-04T12:00:00.000Z');
    await service.record(null, {
      action: 'document.adopted',
      entityType: 'Document',
      entityId: 'd',
      details: { adoptedAt: at },
    });
    const readBack = {
      ...inserted[0],
      details: JSON.parse(JSON.stringify(inserted[0].details)) as Record<string, unknown>,
    };
    expect(readBack.details).toEqual({ adoptedAt: '2025-04-04T12:00:00.000Z' });
    expect(auditHash(readBack)).toBe(inserted[0].hash);
  });

  it('signs a checkpoint once the new event is CHECKPOINT_EVERY_EVENTS past the last one, not before', async () => {
    const early = setup('a'.repeat(64), { seq: '1', nextId: '199', checkpointedId: '100' });
    await early.service.record(null, { action: 'x', entityType: 'X', entityId: null });
    expect(early.checkpoints.write).not.toHaveBeenCalled();

    const due = setup('a'.repeat(64), { seq: '1', nextId: '200', checkpointedId: '100' });
    await due.service.record(null, { action: 'x', entityType: 'X', entityId: null });
    expect(due.checkpoints.write).toHaveBeenCalledWith(100, { wait: false });
  });
});
