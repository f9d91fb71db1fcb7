import { auditHash, HashedFields } from './audit-hash';

const event = (overrides: Partial<HashedFields> = {}): HashedFields => ({
  at: new Date('2025-04-04T10:00:00.000Z'),
  actorId: 'actor',
  participantId: null,
  action: 'document.adopted',
  entityType: 'Document',
  entityId: 'doc',
  details: { b: 1, a: [1, { y: 2, x: 1 }] },
  prevHash: null,
  id: '7',
  stream: 'document:doc',
  seq: '3',
  ...overrides,
});

describe(auditHash.name, () => {
  it('is a SHA-256 hex digest, stable for the same event', () => {
    expect(auditHash(event())).toMatch(/^[0-9a-f]{64}$/);
    expect(auditHash(event())).toBe(auditHash(event()));
  });

  it('does not depend on the key order of details (jsonb reorders keys)', () => {
    expect(auditHash(event({ details: { a: [1, { x: 1, y: 2 }], b: 1 } }))).toBe(
      auditHash(event()),
    );
  });

  it.each<[string, Partial<HashedFields>]>([
    ['time', { at: new Date('2025-04-04T10:00:00.001Z') }],
    ['actor', { actorId: 'someone else' }],
    ['delegation', { participantId: 'p' }],
    ['action', { action: 'document.closed' }],
    ['target', { entityId: 'other' }],
    ['details', { details: { b: 2, a: [1, { y: 2, x: 1 }] } }],
    ['previous hash', { prevHash: 'f'.repeat(64) }],
    ['global id', { id: '8' }],
    ['stream', { stream: 'document:other' }],
    ['place in the stream', { seq: '4' }],
  ])('changes when the %s changes', (_what, change) => {
    expect(auditHash(event(change))).not.toBe(auditHash(event()));
  });
});

describe('auditHash, version 1 (events from before the chain was partitioned)', () => {
  it('is the original formula: it ignores id, stream and seq, which did not exist then', () => {
    const v1 = event({ hashVersion: 1 });
    expect(auditHash({ ...v1, id: '1', stream: 'platform', seq: '1' })).toBe(auditHash(v1));
    expect(auditHash(v1)).not.toBe(auditHash(event()));
  });
});
