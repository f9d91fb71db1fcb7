import { AppConfig } from '@accord/common';
import { hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const CHECKPOINT_KEY_FILE = 'audit-checkpoint-key';

/**
 * The key that signs audit checkpoints: AUDIT_CHECKPOINT_KEY when set; with DATABASE_URL, derived
 * from JWT_SECRET (HKDF-SHA256), so that every instance agrees without one more secret; in
 * embedded mode, generated once into DATA_DIR (mode 0600), outside the database it protects.
 */
export function checkpointKey(
  config: Pick<AppConfig, 'auditCheckpointKey' | 'databaseUrl' | 'jwtSecret' | 'dataDir'>,
): Buffer {
  if (config.auditCheckpointKey) return Buffer.from(config.auditCheckpointKey, 'utf8');
  if (config.databaseUrl) {
    return Buffer.from(
      hkdfSync('sha256', config.jwtSecret, 'accord', 'audit-checkpoint-key/v1', 32),
    );
  }
  const file = join(config.dataDir, CHECKPOINT_KEY_FILE);
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url');
  mkdirSync(config.dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('base64url'), { mode: 0o600, flag: 'wx' });
  return key;
}
