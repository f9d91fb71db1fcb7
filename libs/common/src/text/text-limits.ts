/** Upper bounds on user text, so that oversized input is refused with a clear error. */
export const TEXT_LIMITS = {
  name: 200,
  shortName: 50,
  email: 254,
  password: 256,
  title: 500,
  slug: 120,
  clauseText: 20_000,
  rationale: 5_000,
  comment: 10_000,
  note: 5_000,
  statement: 10_000,
} as const;
