import { strictMock } from '../../../tests/support/strict-mock';
import { auditHash } from './audit-hash';
import { AuditEventEntity } from './audit-event.entity';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';
import { AuditCheckpointsService } from './checkpoints/audit-checkpoints.service';
import { TransactionHost, TypeOrmAdapter } from '@accord/common';

describe(AuditService.name, () => {
  function setup(
    lastHash: string | null,
    head = { id: '1', checkpointedId: null as string | null },
  ) {
    const inserted: Omit<AuditEventEntity, 'id'>[] = [];
    const repository = strictMock<AuditRepository>({
      lockChain: jest.fn().mockResolvedValue(undefined),
      head: jest.fn().mockResolvedValue({ ...head, hash: lastHash }),
      insert: jest.fn((event: Omit<AuditEventEntity, 'id'>) => {
        inserted.push(event);
        return Promise.resolve({ ...event, id: String(BigInt(head.id) + 1n) });
      }),
    });
    const checkpoints = strictMock<AuditCheckpointsService>({
      write: jest.fn().mockResolvedValue(undefined),
    });
    const txHost = strictMock<TransactionHost<TypeOrmAdapter>>();
    return {
      service: new AuditService(repository, checkpoints, txHost),
      repository,
      checkpoints,
      inserted,
    };
  }

  it('locks the chain, links to the previous hash and stores the hash of what it stores', async () => {
    const { service, repository, inserted } = setup('a'.repeat(64));
    await service.record(null, {
      action: 'x.done',
      entityType: 'X',
      entityId: '42',
      details: { n: 1 },
    });
    expect(repository.lockChain).toHaveBeenCalled();
    expect(inserted[0].prevHash).toBe('a'.repeat(64));
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

  it('signs a checkpoint of the new head once it is CHECKPOINT_EVERY_EVENTS past the last one, not before', async () => {
    const early = setup('a'.repeat(64), { id: '198', checkpointedId: '100' });
    await early.service.record(null, { action: 'x', entityType: 'X', entityId: null });
    expect(early.checkpoints.write).not.toHaveBeenCalled();

    const due = setup('a'.repeat(64), { id: '199', checkpointedId: '100' });
    await due.service.record(null, { action: 'x', entityType: 'X', entityId: null });
    expect(due.checkpoints.write).toHaveBeenCalledWith('200', due.inserted[0].hash);
  });
});
