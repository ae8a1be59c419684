import { randomBytes } from 'node:crypto';
import { EnvError, onShutdownSignal, waitForDependenciesOrExit } from '@goodchatter/core';
import { postgresDependency } from '@goodchatter/db';
import { type RedisTarget, redisDependency, redisTarget } from '@goodchatter/queues';
import { destination, pino } from 'pino';
import pretty from 'pino-pretty';
import { loadStackEnv } from './env.js';
import { HELP } from './help.js';
import { startStack } from './stack.js';

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  process.stdout.write(HELP);
  process.exit(0);
}

// `pnpm start`: the whole pipeline in one process, with the demo source when no credentials are set.
// Locally, with no admin key configured, make one for this run so the API can be tried at once.
const generatedKey = process.env.GOODCHATTER_ADMIN_KEY ? undefined : `gc_dev_${randomBytes(24).toString('base64url')}`;
let env: ReturnType<typeof loadStackEnv>;
let redisAt: RedisTarget;
try {
  env = loadStackEnv({ ...process.env, GOODCHATTER_ADMIN_KEY: process.env.GOODCHATTER_ADMIN_KEY ?? generatedKey });
  redisAt = redisTarget(env);
} catch (err) {
  if (!(err instanceof EnvError)) throw err;
  console.error(err.message);
  process.exit(1);
}
// A person at a terminal gets readable lines, one per entry; anything else (files, log
// shippers) gets JSON. Both write synchronously, so the last line before an exit is kept.
const logger = pino(
  { name: 'goodchatter', level: env.LOG_LEVEL },
  process.stdout.isTTY ? pretty({ sync: true, singleLine: true, ignore: 'pid,hostname' }) : destination({ sync: true }),
);
await waitForDependenciesOrExit([postgresDependency(env.DATABASE_URL), redisDependency(redisAt)], {
  timeoutMs: env.STARTUP_TIMEOUT_MS,
  log: logger,
});
const stack = await startStack(env, logger);
onShutdownSignal(logger, () => stack.close());

const keyLine = generatedKey
  ? `Admin key for this run (set GOODCHATTER_ADMIN_KEY to choose your own): ${generatedKey}`
  : 'Admin key: the GOODCHATTER_ADMIN_KEY you set';
const auth = `-H "authorization: Bearer ${generatedKey ?? '$GOODCHATTER_ADMIN_KEY'}"`;
const signInUrl = await stack.signInUrl();
const lines = [
  '',
  `Good Chatter is running. API: ${stack.apiUrl}   Docs: ${stack.apiUrl}/docs`,
  // One click from the feed: the link signs the browser in with the admin key, once.
  ...(signInUrl ? [`Care app: ${signInUrl}`] : []),
  stack.demoQuery ? `Demo source: replaying ${stack.demoQuery.query}` : 'Demo source: off',
  keyLine,
  'The praise it found, best first:',
  `  curl -s ${auth} '${stack.apiUrl}/v1/feed?limit=10'`,
  'Every mention it labelled praise:',
  `  curl -s ${auth} '${stack.apiUrl}/v1/mentions?label=praise&limit=10'`,
  `Health: ${stack.apiUrl}/readyz   Stop: Ctrl-C`,
  '',
];
process.stdout.write(`${lines.join('\n')}\n`);
