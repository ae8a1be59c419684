import { z } from 'zod';
import type { Classify } from './classify.js';

/** One input line of `pnpm classify`. */
export const CliInput = z.object({
  text: z.string(),
  brand: z.string().optional(),
});

export type CliOutput =
  | { label: string; confidence: number; reasons: string[]; staff: string[]; lang: string | null; version: string }
  | { error: string };

/** Classifies one JSONL line; never throws, so every input line gets exactly one output. */
export function classifyLine(line: string, classify: Classify): CliOutput {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (err) {
    return { error: `invalid JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
  const input = CliInput.safeParse(json);
  if (!input.success) {
    const issue = input.error.issues[0];
    return {
      error:
        `expected { "text": string, "brand"?: string }: ${issue?.path.join('.') || 'line'} ${issue?.message ?? ''}`.trim(),
    };
  }
  const { text, brand } = input.data;
  const r = classify(text, brand === undefined ? {} : { brand });
  return {
    label: r.label,
    confidence: Math.round(r.confidence * 1000) / 1000,
    reasons: r.reasons,
    staff: r.staff,
    lang: r.lang,
    version: r.version,
  };
}
