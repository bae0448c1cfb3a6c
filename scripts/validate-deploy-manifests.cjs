// Checks deploy/ against what the engine really is, without Docker or a Kubernetes cluster (run by
// scripts/validate-deploy.sh, which fetches the schemas):
//   node scripts/validate-deploy-manifests.cjs --compose-schema <compose-spec.json> \
//     --compose deploy/compose/compose.yaml --kubernetes <rendered.yaml>...
// - the compose file, interpolated as Compose does, is valid against the Compose Specification schema;
// - every environment variable set on one of our app processes (compose services that run
//   dist/apps/..., Kubernetes containers, and the ConfigMaps and Secrets they load) is a key of the
//   engine's configuration (CONFIG_KEYS in libs/platform/src/config/app-config.ts);
// - the distributed-mode promises hold: 3 KRaft brokers, replication factor 3 with
//   min.insync.replicas 2, api x2 behind a proxy, a relay, projectors x2 in one consumer group, health
//   checks on every app, probes on /health/live and /health/ready, requests, disruption budgets.
// Prints one line per finding and exits 1 when there is any.
'use strict';
const { readFileSync } = require('node:fs');
const { resolve } = require('node:path');
const ts = require('typescript');
const YAML = require('yaml');
const Ajv2020 = require('ajv/dist/2020').default;

const root = resolve(__dirname, '..');
/**
 * Keys every process of a multi-process installation must share: a token issued by one api process is
 * verified by the others, and production refuses to start without the personal-data master key.
 */
const SHARED_SECRETS = ['DATABASE_URL', 'AUTH_JWT_SECRET', 'PERSONAL_DATA_MASTER_KEY'];
const problems = [];
const problem = (where, what) => problems.push(`${where}: ${what}`);

function parseArgs(argv) {
  const args = { kubernetes: [] };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--compose') args.compose = value;
    else if (flag === '--compose-schema') args.composeSchema = value;
    else if (flag === '--kubernetes') args.kubernetes.push(value);
    else throw new Error(`unknown argument ${flag}`);
  }
  if (!args.compose || !args.composeSchema) throw new Error('--compose and --compose-schema are required');
  return args;
}

/** CONFIG_KEYS, read from the TypeScript source with the compiler's parser (no build needed). */
function configKeys() {
  const file = resolve(root, 'libs/platform/src/config/app-config.ts');
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  let keys;
  const visit = (node) => {
    if (ts.isVariableDeclaration(node) && node.name.getText() === 'CONFIG_KEYS' && node.initializer) {
      let init = node.initializer;
      while (ts.isAsExpression(init) || ts.isSatisfiesExpression(init)) init = init.expression;
      if (ts.isArrayLiteralExpression(init)) {
        keys = init.elements.filter(ts.isStringLiteralLike).map((e) => e.text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (!keys || keys.length === 0) throw new Error(`no CONFIG_KEYS array literal found in ${file}`);
  return new Set(keys);
}

/**
 * Compose's own interpolation, as `docker compose config` does before validating: ${VAR}, ${VAR:-default},
 * ${VAR-default}, ${VAR:?error}, ${VAR?error}, and $$ for a literal dollar. Unset variables without a
 * default become the empty string, required ones a placeholder.
 */
function interpolate(text, env) {
  return text.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}/g, (match, name, op, arg) => {
    if (match === '$$') return '$';
    const value = env[name];
    if (op === ':-') return value ? value : arg;
    if (op === '-') return value !== undefined ? value : arg;
    // A required variable (the operator's secrets) gets a placeholder: only its place is checked.
    if (op === ':?' || op === '?') return value || `placeholder-for-${name}`;
    return value ?? '';
  });
}

function environmentOf(service) {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(env.map((entry) => [entry.split('=')[0], entry.split('=').slice(1).join('=')]));
  }
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === null ? '' : String(v)]));
}

function commandText(command) {
  return Array.isArray(command) ? command.join(' ') : String(command ?? '');
}

function checkCompose(path, schemaPath, keys) {
  const where = path;
  const text = readFileSync(resolve(root, path), 'utf8');
  // Variables take the file's own defaults; the required ones (secrets) get placeholders.
  const interpolated = interpolate(text, {});
  const doc = YAML.parse(interpolated, { merge: true });

  const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
  const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
  const validate = ajv.compile(schema);
  if (!validate(doc)) {
    for (const e of validate.errors)
      problem(where, `schema: ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
  }

  const services = doc.services ?? {};
  const apps = Object.entries(services).filter(([, s]) => /dist\/apps\//.test(commandText(s.command)));
  const runs = (app) => apps.filter(([, s]) => commandText(s.command).includes(`dist/apps/${app}/`));
  for (const [name, service] of apps) {
    const env = environmentOf(service);
    for (const key of Object.keys(env)) {
      if (!keys.has(key)) problem(where, `service ${name} sets ${key}, which is not a configuration key`);
    }
    if (!service.healthcheck || !/\/health\/ready/.test(commandText(service.healthcheck.test))) {
      problem(where, `service ${name} has no health check on /health/ready`);
    }
    if (env.KAFKA_REPLICATION_FACTOR !== '3')
      problem(where, `service ${name}: KAFKA_REPLICATION_FACTOR must be 3`);
    if (!env.KAFKA_BROKERS || !env.DATABASE_URL)
      problem(where, `service ${name} lacks KAFKA_BROKERS or DATABASE_URL`);
    for (const key of SHARED_SECRETS) {
      if (!env[key]) problem(where, `service ${name} lacks ${key}, which every process must share`);
    }
  }
  const replicas = (s) => s.deploy?.replicas ?? 1;
  const apiReplicas = runs('api').reduce((n, [, s]) => n + replicas(s), 0);
  if (apiReplicas < 2) problem(where, `api processes: ${apiReplicas}, expected at least 2`);
  const projectors = runs('projector').filter(([, s]) => environmentOf(s).PROJECTIONS_ENABLED === 'true');
  const projectorReplicas = projectors.reduce((n, [, s]) => n + replicas(s), 0);
  if (projectorReplicas < 2) problem(where, `projector processes: ${projectorReplicas}, expected at least 2`);
  const groups = new Set(projectors.map(([, s]) => environmentOf(s).KAFKA_CONSUMER_GROUP));
  if (groups.size !== 1)
    problem(where, `projectors must share one KAFKA_CONSUMER_GROUP, found ${[...groups].join(', ')}`);
  const relays = apps.filter(([, s]) => environmentOf(s).RELAY_ENABLED === 'true');
  if (relays.length === 0) problem(where, 'no process runs the outbox relay (RELAY_ENABLED=true)');
  for (const [name, s] of apps) {
    if (s.depends_on === undefined) problem(where, `service ${name} does not wait for its dependencies`);
  }

  const brokers = Object.entries(services).filter(([, s]) => /kafka/i.test(String(s.image)));
  if (brokers.length !== 3) problem(where, `Kafka brokers: ${brokers.length}, expected 3`);
  for (const [name, s] of brokers) {
    const env = environmentOf(s);
    if (!/controller/.test(env.KAFKA_PROCESS_ROLES ?? ''))
      problem(where, `${name} is not a KRaft controller`);
    if (env.KAFKA_MIN_INSYNC_REPLICAS !== '2') problem(where, `${name}: KAFKA_MIN_INSYNC_REPLICAS must be 2`);
    if (env.KAFKA_DEFAULT_REPLICATION_FACTOR !== '3')
      problem(where, `${name}: default replication factor must be 3`);
    if (!s.healthcheck) problem(where, `${name} has no health check`);
  }
  const proxies = Object.entries(services).filter(([, s]) =>
    /nginx|haproxy|envoy|traefik/.test(String(s.image)),
  );
  if (proxies.length === 0) problem(where, 'no proxy in front of the api processes');
  if (!Object.values(services).some((s) => /postgres/.test(String(s.image))))
    problem(where, 'no PostgreSQL service');
  return { services: Object.keys(services).length, apps: apps.length };
}

function checkKubernetes(path, keys) {
  const docs = YAML.parseAllDocuments(readFileSync(path, 'utf8'))
    .map((d) => d.toJS())
    .filter(Boolean);
  const byKind = (kind) => docs.filter((d) => d.kind === kind);
  const maps = new Map(byKind('ConfigMap').map((d) => [d.metadata.name, Object.keys(d.data ?? {})]));
  const secrets = new Map(
    byKind('Secret').map((d) => [
      d.metadata.name,
      [...Object.keys(d.data ?? {}), ...Object.keys(d.stringData ?? {})],
    ]),
  );
  const deployments = byKind('Deployment');
  const where = path;
  for (const deployment of deployments) {
    const name = deployment.metadata.name;
    for (const container of deployment.spec.template.spec.containers) {
      const at = `Deployment ${name}, container ${container.name}`;
      for (const { name: key } of container.env ?? []) {
        if (!keys.has(key)) problem(where, `${at} sets ${key}, which is not a configuration key`);
      }
      for (const source of container.envFrom ?? []) {
        const ref = source.configMapRef ?? source.secretRef;
        const loaded = source.configMapRef ? maps.get(ref.name) : secrets.get(ref.name);
        if (!loaded) {
          problem(where, `${at} loads ${ref.name}, which is not in the rendered manifests`);
          continue;
        }
        for (const key of loaded) {
          if (!keys.has(key))
            problem(where, `${at} loads ${key} from ${ref.name}, which is not a configuration key`);
        }
      }
      const secretKeys = (container.envFrom ?? [])
        .filter((source) => source.secretRef)
        .flatMap((source) => secrets.get(source.secretRef.name) ?? []);
      for (const key of SHARED_SECRETS) {
        if (!secretKeys.includes(key)) problem(where, `${at}: ${key} does not come from a Secret`);
      }
      if (container.livenessProbe?.httpGet?.path !== '/health/live')
        problem(where, `${at}: liveness probe not on /health/live`);
      if (container.readinessProbe?.httpGet?.path !== '/health/ready')
        problem(where, `${at}: readiness probe not on /health/ready`);
      if (!container.resources?.requests?.cpu || !container.resources?.requests?.memory) {
        problem(where, `${at}: no cpu and memory requests`);
      }
    }
    const labels = deployment.spec.template.metadata.labels ?? {};
    const covered = byKind('PodDisruptionBudget').some((pdb) =>
      Object.entries(pdb.spec.selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v),
    );
    if (!covered) problem(where, `Deployment ${name} has no PodDisruptionBudget`);
  }
  const commands = deployments.map((d) => ({
    name: d.metadata.name,
    env: Object.fromEntries((d.spec.template.spec.containers[0].env ?? []).map((e) => [e.name, e.value])),
    command: commandText(d.spec.template.spec.containers[0].command),
  }));
  const has = (what, test) => {
    if (!commands.some(test)) problem(where, `no Deployment for the ${what}`);
  };
  has('api', (d) => d.command.includes('dist/apps/api/'));
  has('relay', (d) => d.env.RELAY_ENABLED === 'true');
  has('projector', (d) => d.env.PROJECTIONS_ENABLED === 'true');
  return { documents: docs.length, deployments: deployments.length };
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const keys = configKeys();
  const compose = checkCompose(args.compose, args.composeSchema, keys);
  console.log(`compose: ${args.compose}: ${compose.services} services (${compose.apps} of our apps) checked`);
  for (const file of args.kubernetes) {
    const k8s = checkKubernetes(file, keys);
    console.log(`kubernetes: ${file}: ${k8s.documents} objects (${k8s.deployments} Deployments) checked`);
  }
  for (const line of problems) console.log(`PROBLEM ${line}`);
  if (problems.length > 0) process.exit(1);
  console.log(`deploy manifests agree with the ${keys.size} configuration keys`);
}

main();
