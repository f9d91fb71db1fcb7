import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AppConfig } from '@accord/common';

/** A token that names the user and proves the link came from us (HMAC with the JWT secret). */
export function unsubscribeToken(secret: string, userId: string): string {
  const mac = createHmac('sha256', `unsubscribe:${secret}`).update(userId).digest('base64url');
  return `${userId}.${mac}`;
}

/** The user the token was made for, or null when it is not one of ours. */
export function verifyUnsubscribeToken(secret: string, token: string): string | null {
  const [userId, mac] = token.split('.');
  if (!userId || !mac || !/^[0-9a-f-]{36}$/i.test(userId)) return null;
  const expected = Buffer.from(unsubscribeToken(secret, userId).split('.')[1]);
  const given = Buffer.from(mac);
  return expected.length === given.length && timingSafeEqual(expected, given) ? userId : null;
}

export function unsubscribeUrl(config: AppConfig, userId: string): string {
  return `${config.publicUrl}/notifications/unsubscribe?token=${unsubscribeToken(config.jwtSecret, userId)}`;
}
