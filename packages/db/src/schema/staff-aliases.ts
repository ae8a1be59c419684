import { sql } from 'drizzle-orm';
import { pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Name variants of one staff member at one brand ("Priya S.", "@priya_helps" → "Priya"),
 * merged by a team lead so kudos count one person once. `alias` is stored normalised
 * (lower case, no leading @, trimmed) and is unique per brand (any case), so a variant
 * belongs to one person at a time.
 */
export const staffAliases = pgTable(
  'staff_aliases',
  {
    id: serial('id').primaryKey(),
    brand: text('brand').notNull(),
    person: text('person').notNull(),
    alias: text('alias').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('staff_aliases_brand_alias_key').on(sql.raw('lower(brand)'), t.alias)],
);

export type StaffAliasRow = typeof staffAliases.$inferSelect;
