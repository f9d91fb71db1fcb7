import { SetMetadata } from '@nestjs/common';

export const ACCESS_METADATA = 'accord:access';

/** What an operation declares about who may call it; the global guard refuses operations that declare nothing. */
export type AccessDeclaration = { public: true } | { public: false; permission: string };

/** Open to anonymous callers; a token, when sent, still identifies the caller. */
export const Public = (): MethodDecorator =>
  SetMetadata(ACCESS_METADATA, { public: true } satisfies AccessDeclaration);

/**
 * Needs a signed-in caller; `permission` names the policy action the service checks on the
 * resource (or 'authenticated' when any signed-in user may call it).
 */
export const Permission = (permission: string): MethodDecorator =>
  SetMetadata(ACCESS_METADATA, { public: false, permission } satisfies AccessDeclaration);

export const MFA_ENROLMENT_EXEMPT = 'accord:mfa-enrolment-exempt';

/**
 * Still allowed to staff who must enrol a second factor first (REQUIRE_MFA_FOR_STAFF): the
 * operations that let them enrol, see who they are, and end or renew their session.
 */
export const AllowedBeforeMfaEnrolment = (): MethodDecorator =>
  SetMetadata(MFA_ENROLMENT_EXEMPT, true);
