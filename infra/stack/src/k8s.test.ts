import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ApiEnv, buildApi } from '@goodchatter/api';
import { parseEnv } from '@goodchatter/core';
import { createDatabase } from '@goodchatter/db';
import { IngestEnv } from '@goodchatter/ingest';
import { NotifierEnv } from '@goodchatter/notifier';
import { createRedis } from '@goodchatter/queues';
import { ScorerEnv } from '@goodchatter/scorer';
import { createTestEnv } from '@goodchatter/testing';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import type { z } from 'zod';

// No cluster (and no kubectl) on our machines, so the manifests are checked against the code
// instead, as compose.test.ts does for docker-compose.yml.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const dir = `${root}infra/k8s/`;

// biome-ignore lint/suspicious/noExplicitAny: manifests are checked field by field below
type Manifest = any;

const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
const manifests: (Manifest & { file: string })[] = files.flatMap((file) =>
  parseAllDocuments(readFileSync(`${dir}${file}`, 'utf8')).map((doc) => {
    if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('; ')}`);
    return { ...doc.toJS(), file };
  }),
);
const ofKind = (kind: string) => manifests.filter((m) => m.kind === kind);
const named = (kind: string, name: string) => ofKind(kind).find((m) => m.metadata.name === name);

const API_VERSIONS: Record<string, string> = {
  ConfigMap: 'v1',
  Secret: 'v1',
  Service: 'v1',
  Deployment: 'apps/v1',
  HorizontalPodAutoscaler: 'autoscaling/v2',
  PodDisruptionBudget: 'policy/v1',
};

const SERVICES: Record<string, z.ZodObject> = {
  api: ApiEnv,
  ingest: IngestEnv,
  scorer: ScorerEnv,
  notifier: NotifierEnv,
};
const WORKERS = ['ingest', 'scorer', 'notifier'];
/**
 * Read outside the services' schemas, by @goodchatter/db's secret-box (webhook secrets at
 * rest): the API seals them, the notifier opens them.
 */
const DB_READS = ['GOODCHATTER_SECRET_KEY', 'GOODCHATTER_SECRET_KEY_PREVIOUS'];
const EXTRA_READS: Record<string, string[]> = { api: DB_READS, notifier: DB_READS };

/** Placeholder Secret values an operator must replace; stand-ins that pass the schemas. */
const PLACEHOLDER = /REPLACE-ME/;
const OPERATOR_VALUE = 'set-by-the-operator-24chars';

const deployment = (service: string) => named('Deployment', `goodchatter-${service}`);
const container = (service: string) => deployment(service).spec.template.spec.containers[0];

/**
 * The environment a service's container gets, as the kubelet builds it: envFrom ConfigMaps
 * first, then `env` entries (which win). Secret values that are placeholders become what an
 * operator would set; `refs` records where each came from.
 */
function containerEnv(service: string) {
  const c = container(service);
  const env: Record<string, string> = {};
  const refs: { name: string; kind: 'ConfigMap' | 'Secret'; object: string; key: string; optional: boolean }[] = [];
  for (const from of c.envFrom ?? []) {
    expect(from.secretRef, `${service}: secrets are passed one key at a time, never whole`).toBeUndefined();
    const cm = named('ConfigMap', from.configMapRef.name);
    expect(cm, `${service}: ConfigMap ${from.configMapRef.name}`).toBeDefined();
    for (const [k, v] of Object.entries(cm.data ?? {})) {
      env[k] = v as string;
      refs.push({ name: k, kind: 'ConfigMap', object: cm.metadata.name, key: k, optional: false });
    }
  }
  for (const e of c.env ?? []) {
    if (e.value !== undefined) env[e.name] = String(e.value);
    else if (e.valueFrom?.secretKeyRef) {
      const { name, key, optional = false } = e.valueFrom.secretKeyRef;
      const secret = named('Secret', name);
      expect(secret, `${service}: Secret ${name}`).toBeDefined();
      const data = secret.stringData ?? {};
      if (!optional) expect(Object.keys(data), `${service}: ${e.name} from Secret ${name}`).toContain(key);
      const value = data[key] ?? '';
      env[e.name] = PLACEHOLDER.test(value) ? value.replace(/^REPLACE-ME$/, OPERATOR_VALUE) : value;
      refs.push({ name: e.name, kind: 'Secret', object: name, key, optional });
    } else if (e.valueFrom?.configMapKeyRef) {
      const { name, key } = e.valueFrom.configMapKeyRef;
      const value = named('ConfigMap', name)?.data?.[key];
      expect(value, `${service}: ${e.name} from ConfigMap ${name}`).toBeDefined();
      env[e.name] = value;
      refs.push({ name: e.name, kind: 'ConfigMap', object: name, key, optional: false });
    } else throw new Error(`${service}: ${e.name} has neither a value nor a ConfigMap/Secret reference`);
  }
  return { env, refs };
}

const podLabels = (service: string) => deployment(service).spec.template.metadata.labels;
const matches = (selector: Record<string, string>, labels: Record<string, string>) =>
  Object.entries(selector).every(([k, v]) => labels[k] === v);

describe('infra/k8s manifests', () => {
  it('parse, and every object has a known kind, its apiVersion, a unique name and labels', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const m of manifests) {
      expect(Object.keys(API_VERSIONS), `${m.file}: ${m.kind}`).toContain(m.kind);
      expect(m.apiVersion, `${m.file}: ${m.kind} ${m.metadata?.name}`).toBe(API_VERSIONS[m.kind]);
      expect(m.metadata.name).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
      expect(m.metadata.labels?.['app.kubernetes.io/name'], `${m.kind} ${m.metadata.name}`).toBe('goodchatter');
    }
    const ids = manifests.map((m) => `${m.kind}/${m.metadata.name}`);
    expect(ids.length).toBe(new Set(ids).size);
    // ConfigMap and Secret values must be strings (Kubernetes refuses numbers and booleans).
    for (const m of [...ofKind('ConfigMap'), ...ofKind('Secret')]) {
      for (const [k, v] of Object.entries(m.data ?? m.stringData ?? {}))
        expect(typeof v, `${m.metadata.name}.${k}`).toBe('string');
    }
  });

  it('uses only fields Kubernetes knows (no cluster here to refuse a misspelt one)', () => {
    const unknown = (where: string, obj: object, allowed: string[]) =>
      Object.keys(obj)
        .filter((k) => !allowed.includes(k))
        .map((k) => `${where}.${k}`);
    const problems: string[] = [];
    for (const m of manifests) {
      const id = `${m.kind}/${m.metadata.name}`;
      problems.push(
        ...unknown(id, m, ['apiVersion', 'kind', 'metadata', 'spec', 'data', 'stringData', 'type', 'file']),
      );
      problems.push(...unknown(`${id}.metadata`, m.metadata, ['name', 'labels', 'annotations', 'namespace']));
      if (m.kind === 'Deployment') {
        problems.push(...unknown(`${id}.spec`, m.spec, [...K8S_FIELDS.deploymentSpec]));
        const pod = m.spec.template.spec;
        problems.push(...unknown(`${id} pod`, pod, [...K8S_FIELDS.podSpec]));
        for (const c of pod.containers) {
          problems.push(...unknown(`${id} container`, c, [...K8S_FIELDS.container]));
          for (const p of ['livenessProbe', 'readinessProbe', 'startupProbe'].filter((p) => c[p])) {
            problems.push(...unknown(`${id} ${p}`, c[p], [...K8S_FIELDS.probe]));
          }
        }
      }
      if (m.kind === 'HorizontalPodAutoscaler') {
        problems.push(
          ...unknown(`${id}.spec`, m.spec, ['scaleTargetRef', 'minReplicas', 'maxReplicas', 'metrics', 'behavior']),
        );
      }
      if (m.kind === 'PodDisruptionBudget') {
        problems.push(
          ...unknown(`${id}.spec`, m.spec, [
            'selector',
            'minAvailable',
            'maxUnavailable',
            'unhealthyPodEvictionPolicy',
          ]),
        );
      }
      if (m.kind === 'Service') problems.push(...unknown(`${id}.spec`, m.spec, ['type', 'selector', 'ports']));
    }
    expect(problems).toEqual([]);
  });

  it('one Deployment per service, all from the one image, each running its compiled entry point', () => {
    expect(
      ofKind('Deployment')
        .map((d) => d.metadata.name)
        .sort(),
    ).toEqual(
      Object.keys(SERVICES)
        .map((s) => `goodchatter-${s}`)
        .sort(),
    );
    const images = new Set(Object.keys(SERVICES).map((s) => container(s).image));
    expect(images.size).toBe(1);
    const dockerfile = readFileSync(`${root}infra/Dockerfile`, 'utf8');
    for (const service of Object.keys(SERVICES)) {
      const d = deployment(service);
      expect(d.spec.template.spec.containers).toHaveLength(1);
      expect(container(service).command).toEqual(['node', `services/${service}/dist/index.js`]);
      // The selector picks this Deployment's pods and no other Deployment's.
      expect(matches(d.spec.selector.matchLabels, podLabels(service))).toBe(true);
      for (const other of Object.keys(SERVICES).filter((s) => s !== service)) {
        expect(matches(d.spec.selector.matchLabels, podLabels(other)), `${service} selects ${other}`).toBe(false);
      }
    }
    // The image's user, as a number, so runAsNonRoot can be checked by the kubelet.
    expect(dockerfile).toMatch(/^USER node$/m);
    for (const service of Object.keys(SERVICES)) {
      const pod = deployment(service).spec.template.spec;
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
    }
  });

  it.each(Object.keys(SERVICES))('%s: sets only settings it reads, with values its schema accepts', (service) => {
    const { env } = containerEnv(service);
    const schema = SERVICES[service] as z.ZodObject;
    const known = [...Object.keys(schema.shape), ...(EXTRA_READS[service] ?? [])];
    expect(Object.keys(env).filter((k) => !known.includes(k))).toEqual([]);
    expect(() => parseEnv(schema, env)).not.toThrow();
    // Every setting the schema has no default for is given.
    const required = Object.entries(schema.shape)
      .filter(([, s]) => !(s as z.ZodType).safeParse(undefined).success)
      .map(([k]) => k);
    expect(required.filter((k) => !env[k])).toEqual([]);
    // Postgres and Redis default to loopback, which is no use in a pod.
    for (const k of ['DATABASE_URL', 'REDIS_URL']) expect(env[k], k).toBeTruthy();
  });

  it('the secrets read outside the schemas are still read where the manifests say', () => {
    const secretBox = readFileSync(`${root}packages/db/src/secret-box.ts`, 'utf8');
    for (const k of DB_READS) expect(secretBox).toContain(`env.${k}`);
  });

  it('the workers wait for Postgres and Redis for ever; the API keeps a deadline its startupProbe covers', () => {
    for (const service of WORKERS) expect(containerEnv(service).env.STARTUP_TIMEOUT_MS, service).toBe('0');
    const api = parseEnv(ApiEnv, containerEnv('api').env);
    expect(api.STARTUP_TIMEOUT_MS).toBeGreaterThan(0);
    const probe = container('api').startupProbe;
    const budgetS = (probe.initialDelaySeconds ?? 0) + probe.periodSeconds * probe.failureThreshold;
    // The wait, then the migrations.
    expect(budgetS * 1000).toBeGreaterThan(api.STARTUP_TIMEOUT_MS + 30_000);
  });

  it('every ConfigMap and Secret key is used, and every reference names an existing key', () => {
    const used = new Set<string>();
    for (const service of Object.keys(SERVICES)) {
      for (const r of containerEnv(service).refs) {
        used.add(`${r.kind}/${r.object}/${r.key}`);
        const obj = named(r.kind, r.object);
        if (!r.optional)
          expect(Object.keys(obj.data ?? obj.stringData ?? {}), `${service}: ${r.name}`).toContain(r.key);
      }
    }
    for (const m of [...ofKind('ConfigMap'), ...ofKind('Secret')]) {
      for (const k of Object.keys(m.data ?? m.stringData ?? {})) {
        expect(used.has(`${m.kind}/${m.metadata.name}/${k}`), `${m.kind} ${m.metadata.name}: ${k} is unused`).toBe(
          true,
        );
      }
    }
  });

  it('credentials come from the Secret, and its placeholders are refused at start', () => {
    const [secret] = ofKind('Secret');
    expect(ofKind('Secret')).toHaveLength(1);
    const data = secret.stringData;
    for (const k of ['DATABASE_URL', 'REDIS_URL', 'GOODCHATTER_ADMIN_KEY', 'GOODCHATTER_SECRET_KEY', 'METRICS_TOKEN']) {
      expect(Object.keys(data)).toContain(k);
    }
    for (const k of ['X_BEARER_TOKEN', 'MASTODON_ACCESS_TOKEN', 'BLUESKY_APP_PASSWORD']) expect(data[k]).toBe('');
    // No credential sits in a ConfigMap.
    const secretKeys = Object.keys(data);
    for (const cm of ofKind('ConfigMap')) {
      expect(
        Object.keys(cm.data).filter((k) => secretKeys.includes(k)),
        cm.metadata.name,
      ).toEqual([]);
    }
    // An unedited Secret stops the API (too short) rather than run with a guessable key.
    const withPlaceholders = { ...containerEnv('api').env, ...pick(data, ['GOODCHATTER_ADMIN_KEY', 'METRICS_TOKEN']) };
    expect(() => parseEnv(ApiEnv, withPlaceholders)).toThrow(/GOODCHATTER_ADMIN_KEY[\s\S]*METRICS_TOKEN/);
    // secret-box refuses a key that is not 32 bytes (as hex or base64).
    expect(Buffer.from(data.GOODCHATTER_SECRET_KEY, 'base64').length).not.toBe(32);
    // The API and the notifier share one secret key: what one seals the other opens.
    for (const service of ['api', 'notifier']) {
      expect(containerEnv(service).refs.find((r) => r.name === 'GOODCHATTER_SECRET_KEY')).toMatchObject({
        kind: 'Secret',
        optional: false,
      });
    }
  });

  it('the API: a Service to its port, probes and metrics on routes the app serves', async () => {
    const api = parseEnv(ApiEnv, containerEnv('api').env);
    expect(api.HOST).toBe('0.0.0.0');
    const c = container('api');
    const port = c.ports.find((p: Manifest) => p.name === 'http');
    expect(port.containerPort).toBe(api.PORT);
    const service = named('Service', 'goodchatter-api');
    expect(matches(service.spec.selector, podLabels('api'))).toBe(true);
    expect(service.spec.ports.map((p: Manifest) => p.targetPort)).toEqual(['http']);
    expect(c.readinessProbe.httpGet).toEqual({ path: '/readyz', port: 'http' });
    expect(c.livenessProbe.httpGet).toEqual({ path: '/healthz', port: 'http' });
    expect(c.startupProbe.httpGet).toEqual({ path: '/healthz', port: 'http' });
    // /readyz checks each dependency for up to 2 s: the probe must wait longer.
    expect(c.readinessProbe.timeoutSeconds).toBeGreaterThan(2);
    const annotations = deployment('api').spec.template.metadata.annotations;
    expect(annotations['prometheus.io/port']).toBe(String(api.PORT));

    // The paths answer on a real app, without a key, as a probe asks.
    const env = await createTestEnv();
    const database = createDatabase(env.databaseUrl, { max: 2 });
    const redis = createRedis(env.redisUrl, 'producer');
    // A producer connection queues nothing while it connects: wait until it is up.
    if (redis.status !== 'ready') await new Promise((resolve) => redis.once('ready', resolve));
    const app = await buildApi({ database, redis, logger: false, queuePrefix: env.prefix });
    try {
      for (const path of [
        c.livenessProbe.httpGet.path,
        c.readinessProbe.httpGet.path,
        annotations['prometheus.io/path'],
      ]) {
        const res = await app.inject({ method: 'GET', url: path });
        expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
      }
      expect((await app.inject({ method: 'GET', url: '/metrics' })).body).toContain('goodchatter_queue_jobs');
    } finally {
      await app.close();
      redis.disconnect();
      await database.close();
      await env.cleanup();
    }
  });

  it('the workers have no HTTP server, so no HTTP probes and no ports', () => {
    for (const service of WORKERS) {
      const src = readdirSync(`${root}services/${service}/src`, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
        .map((f) => readFileSync(`${root}services/${service}/src/${f}`, 'utf8'))
        .join('\n');
      expect(src, service).not.toMatch(/\.listen\(|createServer\(/);
      const c = container(service);
      for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe'])
        expect(c[probe], service).toBeUndefined();
      expect(c.ports, service).toBeUndefined();
    }
  });

  it('every container has CPU and memory requests and limits, and a grace period', () => {
    for (const service of Object.keys(SERVICES)) {
      const { requests, limits } = container(service).resources;
      for (const r of [requests, limits]) expect(Object.keys(r).sort(), service).toEqual(['cpu', 'memory']);
      expect(deployment(service).spec.template.spec.terminationGracePeriodSeconds, service).toBeGreaterThan(0);
    }
    // A webhook request in flight finishes when a notifier pod stops.
    const notifier = parseEnv(NotifierEnv, containerEnv('notifier').env);
    expect(deployment('notifier').spec.template.spec.terminationGracePeriodSeconds * 1000).toBeGreaterThan(
      notifier.WEBHOOK_TIMEOUT_MS,
    );
  });

  it('an HPA for the scorer and the notifier, on CPU, targeting their Deployments', () => {
    const hpas = ofKind('HorizontalPodAutoscaler');
    expect(hpas.map((h) => h.spec.scaleTargetRef.name).sort()).toEqual(['goodchatter-notifier', 'goodchatter-scorer']);
    for (const hpa of hpas) {
      const ref = hpa.spec.scaleTargetRef;
      expect(ref).toMatchObject({ apiVersion: 'apps/v1', kind: 'Deployment' });
      const target = named('Deployment', ref.name);
      expect(target, ref.name).toBeDefined();
      // Left to the HPA: a replicas field would reset the count on every apply.
      expect(target.spec.replicas, ref.name).toBeUndefined();
      expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
      expect(hpa.spec.maxReplicas).toBeGreaterThan(hpa.spec.minReplicas);
      const cpu = hpa.spec.metrics.find((m: Manifest) => m.type === 'Resource' && m.resource.name === 'cpu');
      expect(cpu.resource.target.type).toBe('Utilization');
      // Utilization is relative to the request: the target must have one.
      expect(target.spec.template.spec.containers[0].resources.requests.cpu).toBeDefined();
    }
  });

  it('a PodDisruptionBudget per Deployment that a drain can satisfy', () => {
    const pdbs = ofKind('PodDisruptionBudget');
    for (const service of Object.keys(SERVICES)) {
      const own = pdbs.filter((p) => matches(p.spec.selector.matchLabels, podLabels(service)));
      expect(own, service).toHaveLength(1);
      const pdb = own[0];
      const hpa = ofKind('HorizontalPodAutoscaler').find(
        (h) => h.spec.scaleTargetRef.name === `goodchatter-${service}`,
      );
      const fewest = hpa ? hpa.spec.minReplicas : deployment(service).spec.replicas;
      // Either maxUnavailable ≥ 1, or fewer pods required than the fewest there are.
      if (pdb.spec.minAvailable !== undefined) expect(pdb.spec.minAvailable, service).toBeLessThan(fewest);
      else expect(pdb.spec.maxUnavailable, service).toBeGreaterThanOrEqual(1);
    }
    expect(pdbs).toHaveLength(Object.keys(SERVICES).length);
  });

  it('migrations run at start under the advisory lock in every service, so there is no Job', () => {
    // If a service stops migrating at start, the manifests need a migration Job instead.
    for (const service of Object.keys(SERVICES)) {
      expect(readFileSync(`${root}services/${service}/src/index.ts`, 'utf8'), service).toContain(
        'postgresDependency(env.DATABASE_URL, { migrate: true })',
      );
    }
    expect(readFileSync(`${root}packages/db/src/migrate.ts`, 'utf8')).toMatch(/pg_advisory_lock\(/);
    expect(manifests.filter((m) => m.kind === 'Job')).toEqual([]);
  });
});

function pick(o: Record<string, string>, keys: string[]) {
  return Object.fromEntries(keys.map((k) => [k, o[k] as string]));
}

/** The fields of the Kubernetes API these manifests may use (core/v1 and apps/v1). */
const K8S_FIELDS = {
  deploymentSpec: ['replicas', 'selector', 'template', 'strategy', 'minReadySeconds', 'revisionHistoryLimit'],
  podSpec: [
    'containers',
    'initContainers',
    'securityContext',
    'terminationGracePeriodSeconds',
    'serviceAccountName',
    'imagePullSecrets',
    'affinity',
    'tolerations',
    'nodeSelector',
    'topologySpreadConstraints',
    'priorityClassName',
    'volumes',
  ],
  container: [
    'name',
    'image',
    'imagePullPolicy',
    'command',
    'args',
    'ports',
    'env',
    'envFrom',
    'resources',
    'livenessProbe',
    'readinessProbe',
    'startupProbe',
    'lifecycle',
    'securityContext',
    'volumeMounts',
    'workingDir',
  ],
  probe: [
    'httpGet',
    'exec',
    'tcpSocket',
    'grpc',
    'initialDelaySeconds',
    'periodSeconds',
    'timeoutSeconds',
    'successThreshold',
    'failureThreshold',
    'terminationGracePeriodSeconds',
  ],
} as const;
