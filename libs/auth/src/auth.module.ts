import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@accord/common';
import { AuditModule } from '@accord/audit';
import { AccessGuard } from './access.guard';
import { AuditEventActorResolver } from './audit-event-actor.resolver';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { CompiledReadsCaller } from './compiled-reads-caller';
import { JwtStrategy } from './jwt.strategy';
import { UserByIdLoader } from './loaders/user-by-id.loader';
import { LoginRateLimiter } from './login-rate-limiter';
import { PasswordHasher } from './password-hasher';
import { PasswordConfirmation } from './passwords/password-confirmation';
import { PasswordPolicy } from './passwords/password-policy';
import { PasswordResetTicketEntity } from './passwords/password-reset-ticket.entity';
import { PasswordResetTicketsRepository } from './passwords/password-reset-tickets.repository';
import { PasswordsResolver } from './passwords/passwords.resolver';
import { PasswordsService } from './passwords/passwords.service';
import { RecoveryCodeEntity } from './second-factor/recovery-code.entity';
import { SecondFactorRepository } from './second-factor/second-factor.repository';
import { SecondFactorResolver } from './second-factor/second-factor.resolver';
import { SecondFactorService } from './second-factor/second-factor.service';
import { SecretBox } from './second-factor/secret-box';
import { TotpCredentialEntity } from './second-factor/totp-credential.entity';
import { AccessTokens, JWT_VERIFY_OPTIONS } from './sessions/access-tokens';
import { SessionEntity } from './sessions/session.entity';
import { SessionsRepository } from './sessions/sessions.repository';
import { SessionsResolver } from './sessions/sessions.resolver';
import { SessionsService } from './sessions/sessions.service';
import { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';
import { UsersResolver } from './users.resolver';
import { UsersService } from './users.service';
import { UserCompiledFields } from './user-compiled-fields';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      UserEntity,
      SessionEntity,
      PasswordResetTicketEntity,
      TotpCredentialEntity,
      RecoveryCodeEntity,
    ]),
    AuditModule,
    PassportModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // A KeyObject, made once: given a string, jsonwebtoken first tries to parse it as a PEM
        // key on every sign and verify (about 0.5 ms a request, against 12 µs).
        secret: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')),
        signOptions: { expiresIn: config.jwtTtlSeconds, algorithm: 'HS256' },
        verifyOptions: JWT_VERIFY_OPTIONS,
      }),
    }),
  ],
  providers: [
    UserCompiledFields,
    UsersRepository,
    UsersService,
    AuthService,
    SessionsRepository,
    SessionsService,
    AccessTokens,
    PasswordHasher,
    PasswordPolicy,
    PasswordConfirmation,
    PasswordResetTicketsRepository,
    PasswordsService,
    PasswordsResolver,
    SecretBox,
    SecondFactorRepository,
    SecondFactorService,
    SecondFactorResolver,
    LoginRateLimiter,
    JwtStrategy,
    CompiledReadsCaller,
    UserByIdLoader,
    AuthResolver,
    UsersResolver,
    SessionsResolver,
    AuditEventActorResolver,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [
    UsersService,
    AuthService,
    SessionsService,
    UserByIdLoader,
    PasswordHasher,
    PasswordsService,
    SecondFactorService,
  ],
})
export class AuthModule {}
