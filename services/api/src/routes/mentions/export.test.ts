import { insertMentions } from '@goodchatter/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, mentionRow, startHarness } from '../../test/api-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await insertMentions(h.database.db, [
    mentionRow(1, { text: 'She said "wow", twice', staff: ['Maria', 'Dave'] }),
    mentionRow(2, { text: 'line one\nline two\r\nline three' }),
    mentionRow(3, { text: '=HYPERLINK("http://evil.example","click")', authorName: '@admin' }),
    ...Array.from({ length: 2500 }, (_, i) => mentionRow(100 + i, { label: 'complaint', brand: 'Bulk' })),
  ]);
});
afterAll(async () => {
  await h?.close();
});

/** A small RFC 4180 reader, to check the output parses back to the original fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('GET /v1/mentions.csv', () => {
  it('streams RFC 4180 CSV that escapes quotes and newlines and defuses formulas', async () => {
    const res = await h.call({ method: 'GET', url: '/v1/mentions.csv?label=praise&sort=newest' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment/);
    const rows = parseCsv(res.text);
    const header = rows[0] as string[];
    const col = (name: string) => header.indexOf(name);
    expect(rows).toHaveLength(4);
    const byText = rows.slice(1).map((r) => r[col('text')]);
    expect(byText).toEqual([
      `'=HYPERLINK("http://evil.example","click")`,
      'line one\nline two\r\nline three',
      'She said "wow", twice',
    ]);
    expect(rows[1]?.[col('author_name')]).toBe("'@admin");
    expect(rows[3]?.[col('staff')]).toBe('Maria; Dave');
    expect(res.text).toContain('"She said ""wow"", twice"');
  });

  it('exports every row of a large query across internal pages, and honours limit', async () => {
    const all = parseCsv((await h.call({ method: 'GET', url: '/v1/mentions.csv?brand=Bulk' })).text);
    expect(all).toHaveLength(2501);
    expect(new Set(all.slice(1).map((r) => r[0])).size).toBe(2500);
    const some = parseCsv((await h.call({ method: 'GET', url: '/v1/mentions.csv?brand=Bulk&limit=10' })).text);
    expect(some).toHaveLength(11);
  });

  it('validates and needs a key', async () => {
    expect((await h.call({ method: 'GET', url: '/v1/mentions.csv?label=nice' })).status).toBe(400);
    expect((await h.call({ method: 'GET', url: '/v1/mentions.csv', key: null })).status).toBe(401);
  });
});
