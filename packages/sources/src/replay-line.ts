import { MentionInput } from '@goodchatter/core';

/** One line of a replay file: a mention as a source would hand it over, `source` optional. */
export const ReplayLine = MentionInput.omit({ source: true, externalId: true, queryId: true }).extend({
  id: MentionInput.shape.externalId,
  source: MentionInput.shape.source.optional(),
});

export type ParsedLine = { ok: true; mention: MentionInput } | { ok: false; error: string };

/** Parses one JSONL line into a mention of the given query; never throws. */
export function parseReplayLine(line: string, query: { id: number; brand: string }): ParsedLine {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (err) {
    return { ok: false, error: `not JSON: ${(err as Error).message}` };
  }
  const parsed = ReplayLine.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `${issue?.path.join('.') || 'line'}: ${issue?.message ?? 'invalid'}` };
  }
  const { id, source, ...rest } = parsed.data;
  return {
    ok: true,
    mention: {
      ...rest,
      source: source ?? 'replay',
      externalId: id,
      brand: rest.brand ?? query.brand,
      queryId: query.id,
    },
  };
}
