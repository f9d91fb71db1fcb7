/**
 * The hook for parts that join the readiness check later: a module that owns one (the job
 * queue, when Accord gets one) provides `{ provide: READINESS_PROBES, useValue: [probe] }`
 * (or a factory), and /health/ready reports it under its key. Nothing provides it today.
 */
export const READINESS_PROBES = Symbol('READINESS_PROBES');

export interface ReadinessProbe {
  /** The key in the health report, e.g. `jobs`. */
  readonly key: string;
  /** Resolves when the part works; rejects (or takes longer than the probe timeout) when not. */
  check(): Promise<void>;
}
