import { createQueue, type QueueDeps } from './factories.js';
import { QUEUES, type QueueName } from './names.js';
import type { AnyQueue, TypedQueue } from './registry.js';

/** One process's queue handles, each opened on first use and typed by its name. */
export interface OpenQueues {
  /** `getQueue(QUEUES.poll)` is a `Queue<PollJob>`: no cast at any producer. */
  getQueue<N extends QueueName>(name: N): TypedQueue<N>;
  /** Every queue, opening those not yet used (metrics, the dashboard). */
  all(): AnyQueue[];
  /** Closes the queues opened so far; their Redis connection stays the caller's. */
  close(): Promise<void>;
}

interface Handle<N extends QueueName> {
  get(): TypedQueue<N>;
  /** The queue if it was opened, without opening it. */
  peek(): TypedQueue<N> | undefined;
}

export function openQueues(deps: QueueDeps): OpenQueues {
  const handle = <N extends QueueName>(name: N): Handle<N> => {
    let queue: TypedQueue<N> | undefined;
    return { get: () => (queue ??= createQueue(name, deps)), peek: () => queue };
  };
  // Spelled out per name (not built in a loop) so each handle keeps its own payload type.
  const handles: { [N in QueueName]: Handle<N> } = {
    [QUEUES.poll]: handle(QUEUES.poll),
    [QUEUES.score]: handle(QUEUES.score),
    [QUEUES.notify]: handle(QUEUES.notify),
    [QUEUES.deliver]: handle(QUEUES.deliver),
  };
  return {
    getQueue: (name) => handles[name].get(),
    all: () => Object.values(handles).map((h) => h.get()),
    async close() {
      await Promise.all(Object.values(handles).map((h) => h.peek()?.close()));
    },
  };
}
