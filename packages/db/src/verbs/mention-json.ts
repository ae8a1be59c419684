import { EFFECTIVE_CONFIDENCE_SQL, EFFECTIVE_LABEL_SQL, STAFF_REASON } from '../schema/mention-rank.js';

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * A mentions row as the API's JSON, rendered by Postgres: the hot list routes send these
 * strings as they are, skipping row parsing, mapping and serialising in Node (the feed's
 * main cost, profiled). It must match `toMention` field for field — a test compares them
 * (an overridden row included: confidence 1, reasons ["set by staff"]).
 * Absent optional fields are stripped (as `undefined` is by JSON.stringify); `lang` is
 * appended after the strip because the API shows it as null. The text is left open (no
 * closing brace) so callers can append fields: close it with `|| '}'`. Plain `json`, not
 * `jsonb`: building jsonb cost Postgres twice as much per row (measured).
 */
export const MENTION_JSON_SQL = `(rtrim(json_strip_nulls(json_build_object(
  'id', id::text,
  'source', source,
  'externalId', external_id,
  'queryId', query_id,
  'brand', brand,
  'author', json_build_object('id', author_id, 'handle', author_handle, 'name', author_name,
    'followers', author_followers, 'verified', author_verified),
  'text', text,
  'url', url,
  'postedAt', ${iso('posted_at')},
  'ingestedAt', ${iso('ingested_at')},
  'scoredAt', ${iso('scored_at')},
  'label', ${EFFECTIVE_LABEL_SQL},
  'score', score,
  'confidence', ${EFFECTIVE_CONFIDENCE_SQL},
  'reasons', CASE WHEN label_override IS NULL THEN reasons ELSE '["${STAFF_REASON}"]'::jsonb END,
  'staff', staff,
  'classifierVersion', classifier_version,
  'status', status
))::text, '}') || ',"lang":' || coalesce(to_json(lang)::text, 'null'))`;
