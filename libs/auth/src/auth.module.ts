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
import { JwtStrategy } from './jwt.strategy';
import { UserByIdLoader } from './loaders/user-by-id.loader';
import { LoginRateLimiter } from './login-rate-limiter';
import { PasswordHasher } from './password-hasher';
import { AccessTokens, JWT_VERIFY_OPTIONS } from './sessions/access-tokens';
import { SessionEntity } from './sessions/session.entity';
import { SessionsRepository } from './sessions/sessions.repository';
import { SessionsResolver } from './sessions/sessions.resolver';
import { SessionsService } from './sessions/sessions.service';
import { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';
import { UsersResolver } from './users.resolver';
import { UsersService } from './users.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity, SessionEntity]),
    AuditModule,
    PassportModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.jwtSecret,
        signOptions: { expiresIn: config.jwtTtlSeconds, algorithm: 'HS256' },
        verifyOptions: JWT_VERIFY_OPTIONS,
      }),
    }),
  ],
  providers: [
    UsersRepository,
    UsersService,
    AuthService,
    SessionsRepository,
    SessionsService,
    AccessTokens,
    PasswordHasher,
    LoginRateLimiter,
    JwtStrategy,
    UserByIdLoader,
    AuthResolver,
    UsersResolver,
    SessionsResolver,
    AuditEventActorResolver,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [UsersService, AuthService, SessionsService, UserByIdLoader],
})
export class AuthModule {}
