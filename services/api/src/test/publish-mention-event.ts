// Run as its own process by the SSE test: publishes like the scorer does, from outside the API.
import { publishStoredMentions } from '@goodchatter/live-events';
import { createRedis } from '@goodchatter/queues';

const [redisUrl, prefix, ...pairs] = process.argv.slice(2);
if (!redisUrl || !prefix) throw new Error('usage: publish-mention-event <redisUrl> <prefix> <id:label>...');
const redis = createRedis(redisUrl, 'worker');
await publishStoredMentions(
  redis,
  pairs.map((p) => {
    const [id, label] = p.split(':');
    return { id: Number(id), label: label ?? 'praise' };
  }),
  prefix,
);
redis.disconnect();
