import { EnvError, onShutdownSignal } from '@goodchatter/core';
import { pino } from 'pino';
import { loadStackEnv } from './env.js';
import { startStack } from './stack.js';

// `pnpm start`: the whole pipeline in one process, with the demo source when no credentials are set.
let env: ReturnType<typeof loadStackEnv>;
try {
  env = loadStackEnv();
} catch (err) {
  if (!(err instanceof EnvError)) throw err;
  console.error(err.message);
  process.exit(1);
}
// A person at a terminal gets readable lines; anything else (files, log shippers) gets JSON.
const logger = pino({
  name: 'goodchatter',
  level: env.LOG_LEVEL,
  transport: process.stdout.isTTY ? { target: 'pino-pretty', options: { ignore: 'pid,hostname' } } : undefined,
});
const stack = await startStack(env, logger);
onShutdownSignal(logger, () => stack.close());

const lines = [
  '',
  `Good Chatter is running. API: ${stack.apiUrl}`,
  stack.demoQuery ? `Demo source: replaying ${stack.demoQuery.query}` : 'Demo source: off',
  'The praise it found:',
  `  curl -s '${stack.apiUrl}/v1/mentions?label=praise&limit=10'`,
  `Health: ${stack.apiUrl}/readyz   Stop: Ctrl-C`,
  '',
];
process.stdout.write(`${lines.join('\n')}\n`);
