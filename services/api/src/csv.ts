/**
 * CSV per RFC 4180 (CRLF rows; a field with a comma, quote, CR or LF is quoted, quotes
 * doubled), safe to open in a spreadsheet: a text field starting with = + - @ tab or CR
 * would run as a formula, so it gets a leading apostrophe (OWASP's advice).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'string' ? value : String(value);
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export const csvRow = (values: unknown[]) => `${values.map(csvField).join(',')}\r\n`;
