import { sql } from 'drizzle-orm';
import type { Db } from '../client.js';

/**
 * How a staff name or alias is compared: trimmed, without leading @, lower case. One SQL
 * expression, used when aliases are stored and when kudos look names up, so both agree
 * (Postgres' lower() and JavaScript's toLowerCase() need not).
 */
export const staffNameKeySql = (column: string) => `lower(regexp_replace(btrim(${column}), '^@+', ''))`;

export interface StaffAlias {
  id: number;
  brand: string;
  person: string;
  /** Normalised: lower case, no leading @. */
  alias: string;
}

type AliasRow = { id: number; brand: string; person: string; alias: string };
const toAlias = (r: AliasRow): StaffAlias => ({ id: Number(r.id), brand: r.brand, person: r.person, alias: r.alias });

/** Aliases, of one brand (any case) or all, by brand, person and alias. */
export async function listStaffAliases(db: Db, brand?: string): Promise<StaffAlias[]> {
  const result = await db.execute<AliasRow>(sql`
    SELECT id, brand, person, alias FROM staff_aliases
    ${brand ? sql`WHERE lower(brand) = lower(${brand})` : sql``}
    ORDER BY lower(brand), lower(person), alias`);
  return result.rows.map(toAlias);
}

/**
 * Merges name variants into `person` at `brand`: each alias is stored normalised, and an
 * alias that already belonged to someone else at that brand moves to `person` (a variant
 * is one person's at a time). Returns the aliases as stored.
 */
export async function mergeStaffAliases(
  db: Db,
  input: { brand: string; person: string; aliases: string[] },
): Promise<StaffAlias[]> {
  if (input.aliases.length === 0) return [];
  const aliases = sql.join(
    input.aliases.map((a) => sql`${a}`),
    sql`, `,
  );
  const result = await db.execute<AliasRow>(sql`
    INSERT INTO staff_aliases (brand, person, alias)
    SELECT DISTINCT ON (key) ${input.brand}::text, ${input.person}::text, key
    FROM (SELECT ${sql.raw(staffNameKeySql('a'))} AS key FROM unnest(ARRAY[${aliases}]::text[]) AS u(a)) k
    WHERE key <> ''
    ON CONFLICT (lower(brand), alias) DO UPDATE SET person = EXCLUDED.person
    RETURNING id, brand, person, alias`);
  return result.rows.map(toAlias).sort((a, b) => a.alias.localeCompare(b.alias));
}

/** Un-merges one variant; true when it existed. */
export async function deleteStaffAlias(db: Db, id: number): Promise<boolean> {
  const result = await db.execute(sql`DELETE FROM staff_aliases WHERE id = ${id}`);
  return (result.rowCount ?? 0) > 0;
}
