// CSV for spreadsheets: UTF-8 with a byte-order mark, so Excel opens Chinese text as Chinese, CRLF line
// ends, and every field that needs it quoted. A field starting with = + - @ is prefixed with a quote
// mark so a spreadsheet never runs a caller-supplied value as a formula.
const BOM = '\uFEFF';
const FORMULA = /^[=+\-@\t\r]/;

function field(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : String(value);
  if (typeof value === 'string' && FORMULA.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const lines = [header, ...rows].map((r) => r.map(field).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
