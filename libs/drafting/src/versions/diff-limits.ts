/**
 * The bounded cost of documentDiff. Versions larger than this are refused (BAD_USER_INPUT),
 * so one call can never read or diff more than two such texts. Within the limits the word
 * diff runs in a worker thread, off the event loop, under a time budget: clauses it could
 * not diff in time are answered at clause level (CHANGED: the old text deleted, the new one
 * inserted), which is correct, only coarser.
 */
export const DIFF_LIMITS = {
  /** Clauses in either version. */
  maxClauses: 1_000,
  /** Characters of clause text in either version (50 clauses at the 20,000-character limit). */
  maxCharacters: 1_000_000,
  /** Word diff of the whole call, in the worker. */
  budgetMs: 2_000,
  /** Word diff of one clause: a few long, wholly rewritten clauses cannot eat the whole budget. */
  clauseBudgetMs: 250,
  /**
   * Word runs in one answer: building and serialising the response runs on the event loop,
   * so a clause whose diff would pass this total is answered at clause level.
   */
  maxChunks: 5_000,
  /** Calls waiting for a worker; more are answered at clause level at once. */
  maxQueued: 16,
} as const;
