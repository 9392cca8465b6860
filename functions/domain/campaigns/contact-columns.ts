// Which column of an uploaded contact list holds what: headers matched whatever their case, spacing or
// language (电话, Customer ID, time_zone), so a spreadsheet exported from another system loads as it is.
// Columns the list does not know are kept as variables for scripts and message templates.

export const CONTACT_FIELDS = ['phone', 'name', 'timezone', 'region', 'tier', 'customerId'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** Headers each field answers to, compared as `headerKey` writes them. */
export const COLUMN_ALIASES: Readonly<Record<ContactField, readonly string[]>> = {
  phone: ['phone', 'number', 'phonenumber', 'mobile', '电话', '手机', '电话号码', '手机号', '手机号码'],
  name: ['name', '姓名'],
  timezone: ['timezone', 'tz', '时区'],
  region: ['region', '地区'],
  tier: ['tier', '等级'],
  customerId: ['customerid', '客户编号'],
};

/** A header as compared: lower case, without spaces, dashes or underscores ("Customer ID" → customerid). */
export const headerKey = (header: string): string =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');

export interface ColumnMap {
  /** The column index of each known field the header names; the first column wins when two do. */
  readonly fields: Partial<Readonly<Record<ContactField, number>>>;
  /** Every other named column: its header as written and its index. */
  readonly variables: readonly { readonly name: string; readonly index: number }[];
  /** Headers written twice (after `headerKey`), which would make a variable ambiguous. */
  readonly repeated: readonly string[];
}

export function mapColumns(header: readonly string[]): ColumnMap {
  const fields: Partial<Record<ContactField, number>> = {};
  const variables: { name: string; index: number }[] = [];
  const seen = new Set<string>();
  const repeated: string[] = [];
  header.forEach((raw, index) => {
    const name = raw.trim();
    const key = headerKey(name);
    // A column without a header (Excel's trailing empty ones) holds nothing a script could name.
    if (key === '') return;
    if (seen.has(key)) repeated.push(name);
    seen.add(key);
    const field = CONTACT_FIELDS.find((f) => COLUMN_ALIASES[f].includes(key));
    if (field && fields[field] === undefined) fields[field] = index;
    else variables.push({ name, index });
  });
  return { fields, variables, repeated };
}
