import { z } from 'zod';

/**
 * Zod parsers for environment variables. Each takes the raw string (unset and empty both arrive
 * as undefined) and either returns the typed value or adds one issue whose message completes
 * "Invalid configuration: <VARIABLE> …". A default is applied later, in loadConfig, because
 * several depend on the mode (start:prod) or on another variable.
 */
type Raw = string | undefined;
type Ctx = z.RefinementCtx;

const fail = (ctx: Ctx, message: string) => {
  ctx.addIssue({ code: 'custom', message });
  return z.NEVER;
};

/** A parser from the raw value, or undefined when unset. */
export function parsed<T>(parse: (raw: string, ctx: Ctx) => T) {
  return z
    .string()
    .optional()
    .transform((raw: Raw, ctx): T | undefined => (raw === undefined ? undefined : parse(raw, ctx)));
}

export const text = () => parsed((raw) => raw);

export const boolean = () =>
  parsed((raw, ctx) => {
    if (/^(true|1|yes)$/i.test(raw)) return true;
    if (/^(false|0|no)$/i.test(raw)) return false;
    return fail(ctx, `must be true or false, got "${raw}"`);
  });

export const integer = (min: number, max: number) =>
  parsed((raw, ctx) => {
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max)
      return fail(ctx, `must be an integer between ${min} and ${max}, got "${raw}"`);
    return value;
  });

/** Seconds ("3600") or a number with a unit: "15m", "8h", "7d"; returns seconds. */
export const duration = (maxSeconds: number) =>
  parsed((raw, ctx) => {
    const match = /^(\d+)([smhd]?)$/.exec(raw);
    if (!match) return fail(ctx, `must be seconds or a duration like 15m, 8h, 7d; got "${raw}"`);
    const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2] as '' | 's' | 'm' | 'h' | 'd'];
    const seconds = Number(match[1]) * unit;
    if (seconds < 1 || seconds > maxSeconds)
      return fail(ctx, `must be between 1 second and ${maxSeconds} seconds`);
    return seconds;
  });

export const oneOf = <T extends string>(values: readonly T[]) =>
  parsed((raw, ctx) =>
    values.includes(raw as T)
      ? (raw as T)
      : fail(ctx, `must be one of ${values.join(', ')}; got "${raw}"`),
  );

export const secret = (minLength: number) =>
  parsed((raw, ctx) =>
    raw.length < minLength ? fail(ctx, `must be at least ${minLength} characters`) : raw,
  );

/** Compared in constant time with what a scraper sends; long enough not to be guessed. */
export const metricsToken = () =>
  parsed((raw, ctx) => {
    if (raw.length < 32) return fail(ctx, 'must be at least 32 characters');
    if (!/^[\x21-\x7e]+$/.test(raw)) return fail(ctx, 'must be printable ASCII without spaces');
    return raw;
  });

export const host = () =>
  parsed((raw, ctx) => {
    const value = raw.trim();
    if (!/^[A-Za-z0-9.:_-]+$/.test(value) && value !== '::')
      return fail(ctx, `must be an address or host name, got "${raw}"`);
    return value;
  });

export const postgresUrl = () =>
  parsed((raw, ctx) => {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return fail(ctx, 'is not a valid URL');
    }
    if (!['postgres:', 'postgresql:'].includes(url.protocol))
      return fail(ctx, 'must start with postgres:// or postgresql://');
    return raw;
  });

/** A URL with one of `protocols` (e.g. smtp:, smtps:; http:, https:). */
export const urlOf = (protocols: readonly string[]) =>
  parsed((raw, ctx) => {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return fail(ctx, 'is not a valid URL');
    }
    if (!protocols.includes(url.protocol))
      return fail(ctx, `must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
    return raw.replace(/\/$/, '');
  });

export const email = () =>
  parsed((raw, ctx) => {
    const value = raw.trim();
    return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? value : fail(ctx, 'is not an email address');
  });

/** A comma-separated list of origins such as https://delegates.example.org; `*` is refused. */
export const origins = () =>
  parsed((raw, ctx) => {
    const list: string[] = [];
    for (const entry of raw.split(',')) {
      const origin = entry.trim();
      if (!origin) continue;
      let url: URL | null;
      try {
        url = new URL(origin);
      } catch {
        url = null;
      }
      if (
        !url ||
        !['http:', 'https:'].includes(url.protocol) ||
        url.origin !== origin.replace(/\/$/, '')
      )
        return fail(ctx, `holds "${origin}", which is not an origin like https://host:port`);
      list.push(url.origin);
    }
    return list;
  });
