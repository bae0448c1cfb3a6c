// npm run token -- --role specialist --agency 000.31.18.H56 [--id officer-1] [--ttl 8h]
// Prints a development bearer token the running engine accepts: signed with the local issuer's secret
// (AUTH_JWT_SECRET, else the one the embedded engine keeps under DATA_DIR/auth). `--api-key` prints the
// sandbox integration's API key instead. For development and sandboxes: production tokens come from the
// identity provider configured with AUTH_JWKS_URL.
import { parseArgs } from 'node:util';
import { demoApiKey, DEMO_INTEGRATION_ID } from '../../../../libs/platform/src/auth/api-keys';
import { ROLE_NAME, ROLES, isOfficial } from '../../../../libs/platform/src/auth/roles';
import {
  readStoredSigningSecret,
  signingSecretPath,
} from '../../../../libs/platform/src/auth/signing-secret';
import { mintToken } from '../../../../libs/platform/src/auth/tokens';
import { ConfigError, loadConfig } from '../../../../libs/platform/src/config/app-config';

const HELP = `Usage:
  npm run token -- --role <role> [--agency <code>] [--area <code>] [--id <actor id>] [--ttl <duration>]
  npm run token -- --api-key

Prints a bearer token for the running engine; use it as  -H "authorization: Bearer <token>".

Roles:  ${ROLES.systemAdmin}, ${ROLES.agencyAdmin}, ${ROLES.receivingOfficer}, ${ROLES.specialist}, ${ROLES.leader}
        (and any other role a procedure defines, e.g. office-head), ${ROLES.integration}, ${ROLES.analyst},
        ${ROLES.citizen}.
Options:
  --role R      the role (required)
  --agency C    the agency's electronic code: required for officials and agency administrators
                (e.g. 000.31.18.H56, the sample commune)
  --area C      the province an analyst may see, as agency codes end (e.g. H56, Khánh Hòa); none = national
  --id ID       the actor id (sub); default dev-<role>
  --ttl D       lifetime: 90m, 8h … (default 8h; at most AUTH_JWT_MAX_LIFETIME_MS, 24h by default)
  --api-key     print the sandbox integration API key (${DEMO_INTEGRATION_ID}) instead: -H "x-api-key: <key>"
  -h, --help    this text

The secret: AUTH_JWT_SECRET when set (the issuer AUTH_JWT_ISSUER, default tthc-engine), else the file the
embedded engine wrote at its first start under DATA_DIR (default ./.data): start the engine once first.`;

function fail(message: string): never {
  process.stderr.write(`token: ${message}\n\n${HELP}\n`);
  process.exit(2);
}

function seconds(ttl: string): number {
  const match = /^(\d+)([smhd])$/.exec(ttl);
  if (!match) fail(`--ttl must look like 90m, 8h or 7d (got ${ttl})`);
  return Number(match[1]) * { s: 1, m: 60, h: 3600, d: 86400 }[match[2] as 's' | 'm' | 'h' | 'd'];
}

async function main(): Promise<void> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        role: { type: 'string' },
        agency: { type: 'string' },
        area: { type: 'string' },
        id: { type: 'string' },
        ttl: { type: 'string', default: '8h' },
        'api-key': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  const configured = config.auth.jwtSecret;
  const secret = configured
    ? new TextEncoder().encode(configured)
    : readStoredSigningSecret(config.database.dataDir);
  if (!secret) {
    fail(
      `no signing secret: set AUTH_JWT_SECRET, or start the embedded engine once so that it writes ` +
        `${signingSecretPath(config.database.dataDir)}`,
    );
  }
  if (values['api-key']) {
    process.stdout.write(`${demoApiKey(secret)}\n`);
    return;
  }
  const role = values.role as string | undefined;
  if (!role) fail('--role is required');
  if (!ROLE_NAME.test(role) || role === ROLES.system || role === ROLES.anonymous)
    fail(`unusable role ${role}`);
  const agency = values.agency as string | undefined;
  const area = values.area as string | undefined;
  const principal = {
    id: (values.id as string | undefined) ?? `dev-${role}`,
    role,
    ...(agency ? { agency } : {}),
    ...(area ? { area } : {}),
  };
  // Officials (any role that is not one of the non-official built-ins) act for an agency.
  const needsAgency = isOfficial({ id: principal.id, role, agency: '-' });
  if (needsAgency && !agency) fail(`--agency is required for the role ${role}`);
  const ttlSeconds = seconds(values.ttl as string);
  // The engine refuses tokens living longer than this (tokens.ts): do not print one it would refuse.
  if (ttlSeconds * 1000 > config.auth.maxTokenLifetimeMs) {
    fail(
      `--ttl ${String(values.ttl)} is longer than the ${config.auth.maxTokenLifetimeMs / 1000} s the engine ` +
        'accepts (AUTH_JWT_MAX_LIFETIME_MS)',
    );
  }
  const token = await mintToken(secret, principal, {
    issuer: config.auth.jwtIssuer,
    ...(config.auth.jwtAudience ? { audience: config.auth.jwtAudience } : {}),
    ttlSeconds,
  });
  process.stdout.write(`${token}\n`);
}

void main();
