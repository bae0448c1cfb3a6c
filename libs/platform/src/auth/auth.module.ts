// Authentication, authorization by role and rate limiting for every app: the guards are global, so a
// route added anywhere is closed until it is marked @Public(). The sandbox API key is ensured at start in
// the embedded default (never in production) and printed in development.
import { Global, Inject, Module, type DynamicModule, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { ThrottlerModule } from '@nestjs/throttler';
import { SlidingWindowThrottlerStorage } from '../security/sliding-window-storage';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { ClientThrottlerGuard, throttlers } from '../security/client-throttler.guard';
import { ApiKeys, demoApiKey, DEMO_INTEGRATION_ID } from './api-keys';
import { ApiKeysController } from './api-keys.controller';
import { AuthenticationGuard } from './authentication.guard';
import { resolveSigningSecret, type LocalSigningSecret } from './signing-secret';
import { TokenVerifier } from './tokens';

export const LOCAL_SIGNING_SECRET = Symbol('LOCAL_SIGNING_SECRET');
const AUTH_CONFIG = Symbol('AUTH_CONFIG');

class SandboxApiKey implements OnApplicationBootstrap {
  constructor(
    @Inject(AUTH_CONFIG) private readonly config: AppConfig,
    @Inject(LOCAL_SIGNING_SECRET) private readonly secret: LocalSigningSecret | undefined,
    @Inject(ApiKeys) private readonly keys: ApiKeys,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.auth.demoApiKey || this.secret === undefined) return;
    const key = demoApiKey(this.secret.secret);
    await this.keys.ensureDemoKey(key);
    if (this.config.env === 'development') {
      process.stdout.write(`sandbox integration API key (${DEMO_INTEGRATION_ID}): X-Api-Key: ${key}\n`);
    }
  }
}

@Global()
@Module({})
export class AuthModule {
  static forRoot(config: AppConfig): DynamicModule {
    const secret = resolveSigningSecret(config.auth, config.database.dataDir);
    return {
      module: AuthModule,
      imports: [
        ThrottlerModule.forRoot({
          throttlers: throttlers(config.httpLimits),
          storage: new SlidingWindowThrottlerStorage(),
        }),
      ],
      controllers: [ApiKeysController],
      providers: [
        { provide: AUTH_CONFIG, useValue: config },
        { provide: LOCAL_SIGNING_SECRET, useValue: secret },
        { provide: TokenVerifier, useFactory: () => new TokenVerifier(config.auth, secret?.secret) },
        { provide: ApiKeys, useFactory: (db: DataSource) => new ApiKeys(db), inject: [getDataSourceToken()] },
        SandboxApiKey,
        // Order matters: the rate limit counts every request, authenticated or not.
        { provide: APP_GUARD, useClass: ClientThrottlerGuard },
        { provide: APP_GUARD, useClass: AuthenticationGuard },
      ],
      exports: [TokenVerifier, ApiKeys, LOCAL_SIGNING_SECRET],
    };
  }
}
