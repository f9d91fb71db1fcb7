import { Actor } from '@accord/common';

/** A permission rule: a pure function of the caller and the resource, no I/O. */
export type Rule<R> = (actor: Actor | null, resource: R) => boolean;

export type RuleSet<Resources> = { [A in keyof Resources]: Rule<Resources[A]> };
