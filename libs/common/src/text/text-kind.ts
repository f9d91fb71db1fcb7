/**
 * What a string field holds, which decides the characters it accepts:
 * - `plain` (the default for every field not marked otherwise): one line; no C0 control
 *   characters (tab, LF and CR included), no DEL, no C1, no U+2028/U+2029;
 * - `multiline`: prose by nature (clause text, comments, statements, notes): as `plain`, but
 *   tab, LF and CR are kept;
 * - `name`: as `plain`, then normalised (NFC, invisible and bidirectional controls removed,
 *   trimmed) so that names that look the same are the same;
 * - `secret`: passwords, kept exactly as typed; only NUL is refused (PostgreSQL and most
 *   hashing libraries cannot carry it).
 */
export type TextKind = 'plain' | 'multiline' | 'name' | 'secret';
