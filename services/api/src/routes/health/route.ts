import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const Check = z.object({ status: z.enum(['ok', 'down']), error: z.string().optional() });

/** A dependency that does not answer within this is down (a pool waiting to connect never would). */
const CHECK_TIMEOUT_MS = 2000;

async function check(fn: () => Promise<unknown>): Promise<z.infer<typeof Check>> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { status: 'ok' };
  } catch (err) {
    return { status: 'down', error: (err as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

/** `/healthz`: the process answers. `/readyz`: it can reach Postgres and Redis. */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/healthz',
    { config: { public: true }, schema: { response: { 200: z.object({ status: z.literal('ok') }) } } },
    async () => ({
      status: 'ok' as const,
    }),
  );

  const Ready = z.object({
    status: z.enum(['ok', 'down']),
    postgres: Check,
    redis: Check,
    /** Only with DATABASE_READ_URL: the replica lists and reports read from. */
    postgresReplica: Check.optional(),
  });
  const replica = app.readDatabase === app.database ? undefined : app.readDatabase;
  app.get(
    '/readyz',
    { config: { public: true }, schema: { response: { 200: Ready, 503: Ready } } },
    async (_req, reply) => {
      const [postgres, redis, postgresReplica] = await Promise.all([
        check(() => app.database.pool.query('SELECT 1')),
        check(() => app.redis.ping()),
        replica ? check(() => replica.pool.query('SELECT 1')) : undefined,
      ]);
      const ok = postgres.status === 'ok' && redis.status === 'ok' && postgresReplica?.status !== 'down';
      return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'down', postgres, redis, postgresReplica });
    },
  );
};
