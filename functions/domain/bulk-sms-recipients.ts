// The people of a bulk SMS send and what each is sent: the text in their language with the template's
// variables filled from what we know of them, refused when a variable has no value or the filled text
// takes more than the templates' segment limit; and the order their statuses may follow, so a late or
// repeated delivery report never moves a recipient back.
import type { RecipientStatus } from './bulk-sms.js';
import { smsSize } from './sms-segments.js';
import {
  fillTemplate,
  MAX_SEGMENTS,
  type TemplateText,
  type TemplateVariable,
  VARIABLE_NAMES,
} from './sms-templates.js';

export interface BulkRecipient {
  readonly sendId: string;
  /** Zero-padded order in the audience, `000001`. */
  readonly id: string;
  /** E.164; for a row refused as invalid, the number as written. */
  readonly phone: string;
  readonly name?: string;
  readonly customerId?: string;
  /** IANA zone when the list gave one; else the number's country decides. */
  readonly timeZone?: string;
  readonly language: 'zh' | 'en';
  /** The text this recipient is sent, filled when the send was made. */
  readonly body?: string;
  readonly status: RecipientStatus;
  /** When a pending or waiting recipient is due (ISO); absent once sent or skipped. */
  readonly dueAt?: string;
  readonly messageSid?: string;
  /** Why it was skipped or failed: a code (`opted-out`, `missing-variable`…) or the carrier's error code. */
  readonly error?: string;
  readonly updatedAt: string;
  readonly version: number;
}

export const recipientId = (order: number): string => String(order).padStart(6, '0');

/** A recipient's place in the order: a status replaces another only if it ranks higher. */
const RANK: Readonly<Record<RecipientStatus, number>> = {
  pending: 0,
  'waiting-quiet-hours': 0,
  queued: 1,
  sent: 2,
  delivered: 3,
  failed: 3,
  undelivered: 3,
  'skipped-opted-out': 3,
  'skipped-dnc': 3,
  'skipped-invalid': 3,
};

export function advances(from: RecipientStatus, to: RecipientStatus): boolean {
  return RANK[to] > RANK[from];
}

/** Twilio's final message statuses that end a recipient. */
export const DELIVERY_OUTCOMES = ['delivered', 'failed', 'undelivered'] as const;
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];
export const isDeliveryOutcome = (status: string): status is DeliveryOutcome =>
  (DELIVERY_OUTCOMES as readonly string[]).includes(status);

export type FilledText =
  | { readonly ok: true; readonly body: string; readonly segments: number }
  | { readonly ok: false; readonly error: 'missing-variable'; readonly variables: readonly string[] }
  | { readonly ok: false; readonly error: 'too-many-segments'; readonly segments: number };

/** Values a recipient's row may give a variable under the variable's own name, whatever its case. */
export function variablesOf(
  known: Partial<Record<TemplateVariable, string>>,
  columns: Readonly<Record<string, string>> = {},
): Partial<Record<TemplateVariable, string>> {
  const values: Partial<Record<TemplateVariable, string>> = {};
  const byKey = new Map(
    Object.entries(columns).map(([k, v]) => [k.toLowerCase().replace(/[\s_-]+/g, ''), v.trim()]),
  );
  for (const name of VARIABLE_NAMES) {
    const value = known[name]?.trim() || byKey.get(name.toLowerCase());
    if (value) values[name] = value;
  }
  return values;
}

/** The recipient's text: their language's version with every variable it uses filled. */
export function fillFor(
  texts: TemplateText,
  language: 'zh' | 'en',
  values: Partial<Record<TemplateVariable, string>>,
): FilledText {
  const body = fillTemplate(texts[language], values).trim();
  // A variable left as written would reach the customer as "{claimNumber}": the recipient is skipped.
  const missing = VARIABLE_NAMES.filter((v) => body.includes(`{${v}}`));
  if (missing.length > 0) return { ok: false, error: 'missing-variable', variables: missing };
  const { segments } = smsSize(body);
  if (segments > MAX_SEGMENTS) return { ok: false, error: 'too-many-segments', segments };
  return { ok: true, body, segments };
}
