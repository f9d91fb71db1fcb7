import { Injectable } from '@nestjs/common';
import { Actor, DelegationRole, PlatformRole } from '@accord/common';
import { AuthService, PasswordHasher, SecondFactorService, UsersService } from '@accord/auth';
import { ParticipantsService } from '@accord/participants';
import { PALL_MALL } from './pall-mall-data';
import { SeedContext } from './seed-context';

/**
 * The published demo password of every demo user (printed at start, in the README): it passes
 * the password policy for each of them (a unit test checks), and must never guard real data.
 */
export const DEMO_PASSWORD = 'pall-mall-demo-2024';

/** The demo user whose second factor is on, and its published TOTP secret (base32). */
export const DEMO_TOTP_USER = 'head.mx@accord.example';
export const DEMO_TOTP_SECRET = 'OBQWY3BNNVQWY3BNGJTGCLLEMVWW6IJB';

export interface DemoLogin {
  role: string;
  email: string;
  password: string;
  /** Set for the demo user with a second factor: add it to an authenticator app. */
  totpSecret?: string;
}

export const DEMO_USERS: {
  email: string;
  displayName: string;
  role: string;
  platformRole: PlatformRole;
  delegation?: [string, DelegationRole];
}[] = [
  {
    email: 'admin@accord.example',
    displayName: 'Ada Admin',
    role: 'ADMIN',
    platformRole: PlatformRole.ADMIN,
  },
  {
    email: 'secretariat@accord.example',
    displayName: 'Sam Secretariat (FCDO)',
    role: 'SECRETARIAT',
    platformRole: PlatformRole.SECRETARIAT,
  },
  {
    email: 'head.uk@accord.example',
    displayName: 'Harriet Head (UK)',
    role: 'HEAD_OF_DELEGATION, United Kingdom',
    platformRole: PlatformRole.NONE,
    delegation: ['United Kingdom', DelegationRole.HEAD_OF_DELEGATION],
  },
  {
    email: 'delegate.uk@accord.example',
    displayName: 'David Delegate (UK)',
    role: 'DELEGATE, United Kingdom',
    platformRole: PlatformRole.NONE,
    delegation: ['United Kingdom', DelegationRole.DELEGATE],
  },
  {
    email: 'head.fr@accord.example',
    displayName: 'Françoise Chef (France)',
    role: 'HEAD_OF_DELEGATION, France',
    platformRole: PlatformRole.NONE,
    delegation: ['France', DelegationRole.HEAD_OF_DELEGATION],
  },
  {
    email: 'head.mx@accord.example',
    displayName: 'Miguel Jefe (Mexico)',
    role: 'HEAD_OF_DELEGATION, Mexico',
    platformRole: PlatformRole.NONE,
    delegation: ['Mexico', DelegationRole.HEAD_OF_DELEGATION],
  },
  {
    email: 'delegate.google@accord.example',
    displayName: 'Gail Delegate (Google)',
    role: 'DELEGATE, Google',
    platformRole: PlatformRole.NONE,
    delegation: ['Google', DelegationRole.DELEGATE],
  },
  {
    email: 'observer.au@accord.example',
    displayName: 'Obi Observer (African Union)',
    role: 'OBSERVER, African Union',
    platformRole: PlatformRole.NONE,
    delegation: ['African Union', DelegationRole.OBSERVER],
  },
];

/** The participants of the process and a few demo users, one per kind of role. */
@Injectable()
export class ParticipantsSeed {
  constructor(
    private readonly users: UsersService,
    private readonly auth: AuthService,
    private readonly hasher: PasswordHasher,
    private readonly secondFactor: SecondFactorService,
    private readonly participants: ParticipantsService,
  ) {}

  async seed(): Promise<{ context: SeedContext; logins: DemoLogin[] }> {
    const ids = new Map<string, string>();
    const created = new Map<string, string>();
    // One argon2 hash for every demo user: hashing is deliberately slow, and the start should not be.
    const passwordHash = await this.hasher.hash(DEMO_PASSWORD);
    for (const user of DEMO_USERS) {
      const entity = await this.users.provision({ ...user, passwordHash });
      created.set(user.email, entity.id);
    }
    await this.secondFactor.provision(created.get(DEMO_TOTP_USER)!, DEMO_TOTP_SECRET);
    const secretariat = (await this.auth.actorOfUser(
      created.get('secretariat@accord.example')!,
    )) as Actor;
    for (const participant of PALL_MALL.participants) {
      const entity = await this.participants.create(secretariat, {
        ...participant,
        countryCode: participant.countryCode ?? null,
      });
      ids.set(entity.name, entity.id);
    }
    for (const user of DEMO_USERS) {
      if (!user.delegation) continue;
      const [participantName, role] = user.delegation;
      await this.participants.addMember(secretariat, {
        participantId: ids.get(participantName)!,
        userId: created.get(user.email)!,
        role,
      });
    }
    const users = new Map<string, Actor>();
    for (const [email, id] of created) users.set(email, (await this.auth.actorOfUser(id))!);
    return {
      context: {
        secretariat,
        users,
        participantIds: ids,
        meetingIds: new Map(),
        documentIds: new Map(),
      },
      logins: this.logins(),
    };
  }

  logins(): DemoLogin[] {
    return DEMO_USERS.map(({ role, email }) => ({
      role,
      email,
      password: DEMO_PASSWORD,
      ...(email === DEMO_TOTP_USER ? { totpSecret: DEMO_TOTP_SECRET } : {}),
    }));
  }

  /** The demo has been seeded once already when its secretariat user exists. */
  async alreadySeeded(): Promise<boolean> {
    return (await this.users.findByEmail('secretariat@accord.example')) !== null;
  }
}
