import type { z } from 'zod';
import { SourceQueryError } from './adapter.js';

/**
 * Reads a checkpoint saved as JSON. Throws SourceQueryError when it is unreadable: guessing
 * could skip or repeat a window, and retrying cannot help (editing the query resets it).
 */
export function parseJsonCheckpoint<T>(schema: z.ZodType<T>, checkpoint: string, source: string): T {
  let json: unknown;
  try {
    json = JSON.parse(checkpoint);
  } catch {
    json = undefined;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new SourceQueryError(`unreadable ${source} checkpoint: ${checkpoint.slice(0, 80)}`);
  return parsed.data;
}
