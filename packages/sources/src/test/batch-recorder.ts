import type { MentionInput } from '@goodchatter/core';
import type { SourceAdapter, SourceQuery } from '../adapter.js';

/** An `onBatch` that keeps every page an adapter hands over, in order. */
export function recordBatches() {
  const batches: MentionInput[][] = [];
  const onBatch = async (batch: MentionInput[]) => void batches.push(batch);
  return {
    batches,
    onBatch,
    /** One poll of `adapter` whose pages are recorded here. */
    poll: (adapter: SourceAdapter, query: SourceQuery, checkpoint: string | null = null) =>
      adapter.fetchNew({ query, checkpoint, onBatch }),
    /** The external ids handed over, in order, across pages. */
    ids: () => batches.flat().map((m) => m.externalId),
  };
}

/** An `onBatch` whose `page`-th call fails, as when the queue goes down mid-drain. */
export function failOnPage(page: number) {
  let calls = 0;
  return async () => {
    calls += 1;
    if (calls === page) throw new Error('queue down');
  };
}
