// Security headers (@fastify/helmet) and CORS, from configuration. The Content-Security-Policy allows what
// Swagger UI at /docs needs (its inline bootstrap script and styles) and nothing from other origins.
import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { HttpLimitsConfig } from '../config/app-config';

export async function hardenHttp(app: NestFastifyApplication, limits: HttpLimitsConfig): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: [`'self'`],
        styleSrc: [`'self'`, `'unsafe-inline'`],
        imgSrc: [`'self'`, 'data:'],
        scriptSrc: [`'self'`, `'unsafe-inline'`],
        frameAncestors: [`'none'`],
        // Not on plain-HTTP development hosts: it would send Swagger UI's requests to https.
        upgradeInsecureRequests: null,
      },
    },
  });
  const origins = limits.corsOrigins;
  if (origins === '*' || origins.length > 0) {
    app.enableCors({
      origin: origins === '*' ? '*' : origins,
      methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['Authorization', 'X-Api-Key', 'Content-Type', 'Idempotency-Key', 'X-Request-Id'],
      exposedHeaders: ['Idempotent-Replayed', 'Retry-After', 'Location'],
      maxAge: 600,
    });
  }
}
