import { type Db, kudos, type ReportRange } from '@goodchatter/db';
import { z } from 'zod';

const KudosEntry = z.object({
  staff: z.string().describe('the merged-into name, else the most common spelling of the name at this brand'),
  brand: z.string().nullable().describe('staff are counted per brand: the same name at two brands is two people'),
  count: z.number().int(),
  mentions: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      authorHandle: z.string(),
      url: z.string().nullable(),
      brand: z.string().nullable(),
      postedAt: z.string(),
    }),
  ),
});

/** The body of GET /v1/kudos, and of a shared kudos link (which shows nothing more). */
export const KudosAnswer = z.object({ since: z.string(), until: z.string(), data: z.array(KudosEntry) });

export async function kudosAnswer(db: Db, range: ReportRange, perStaff: number): Promise<z.infer<typeof KudosAnswer>> {
  const entries = await kudos(db, range, perStaff);
  return {
    since: range.since.toISOString(),
    until: range.until.toISOString(),
    data: entries.map((e) => ({
      ...e,
      mentions: e.mentions.map((m) => ({ ...m, id: String(m.id), postedAt: m.postedAt.toISOString() })),
    })),
  };
}
