import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@accord/common';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';
/** HKDF's context: a key derived for this use only, never the JWT signing key itself. */
const HKDF_SALT = 'accord';
const HKDF_INFO = 'accord totp secrets at rest v1';

/**
 * Encrypts TOTP secrets at rest with AES-256-GCM under a key derived from JWT_SECRET by HKDF-SHA256,
 * so that a copy of the database alone does not give anyone the codes. Rotating JWT_SECRET makes
 * stored secrets unreadable: those users then need an admin to reset their second factor.
 */
@Injectable()
export class SecretBox {
  private readonly key: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = Buffer.from(hkdfSync('sha256', config.jwtSecret, HKDF_SALT, HKDF_INFO, 32));
  }

  /** `aad` binds the ciphertext to its row (the user id), so a secret cannot be moved to another user. */
  seal(plaintext: string, aad: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv).setAAD(Buffer.from(aad));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), body]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  /** Null when the value was sealed under another key or altered. */
  open(sealed: string, aad: string): string | null {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || body === undefined) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(aad)).setAuthTag(Buffer.from(tag, 'base64url'));
      const plain = Buffer.concat([
        decipher.update(Buffer.from(body, 'base64url')),
        decipher.final(),
      ]);
      return plain.toString('utf8');
    } catch {
      return null;
    }
  }
}
