import { z } from 'zod';

/**
 * A `since`/`until` query value: an ISO 8601 time with offset (`2026-11-20T09:00:00Z`,
 * `…+01:00`) or a plain date (`2026-11-20`, meaning 00:00 UTC), which is what people type.
 * Times before 1970 are refused: no mention is that old, and they are where date
 * arithmetic in drivers goes wrong.
 */
export const TimeParam = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], {
    error: 'must be a date (2026-11-20) or an ISO 8601 time with offset (2026-11-20T09:00:00Z)',
  })
  .refine((v) => new Date(v).getTime() >= 0, 'must be 1970-01-01 or later');
