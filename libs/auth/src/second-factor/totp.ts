import { Secret, TOTP } from 'otpauth';

/** What every authenticator app assumes: SHA-1, 6 digits, 30-second steps (RFC 6238). */
export const TOTP_PARAMS = {
  issuer: 'Accord',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  /** Steps accepted either side of now, for clock drift: a code lives at most 90 seconds. */
  window: 1,
  /** 160 bits, RFC 4226's recommendation. */
  secretBytes: 20,
} as const;

export function newTotpSecret(): string {
  return new Secret({ size: TOTP_PARAMS.secretBytes }).base32;
}

export function totpFor(secretBase32: string, label: string): TOTP {
  return new TOTP({
    issuer: TOTP_PARAMS.issuer,
    label,
    algorithm: TOTP_PARAMS.algorithm,
    digits: TOTP_PARAMS.digits,
    period: TOTP_PARAMS.period,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** The time step the code belongs to, or null when it matches none of the steps around `now`. */
export function matchingStep(secretBase32: string, code: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const totp = totpFor(secretBase32, '');
  const delta = totp.validate({ token: code, timestamp: now, window: TOTP_PARAMS.window });
  if (delta === null) return null;
  return totp.counter({ timestamp: now }) + delta;
}
