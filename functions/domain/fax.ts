// The inbound fax contract (README "Fax"): a fax provider posts JSON with the PDF in base64, signed with
// HMAC-SHA256 over `<timestamp>.<raw body>`. Parsing and checking it is pure; storing and routing is not.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const FAX_SIGNATURE_HEADER = 'x-fax-signature';
export const FAX_TIMESTAMP_HEADER = 'x-fax-timestamp';
/** A signed request older (or newer) than this is refused, so a captured one cannot be replayed later. */
export const FAX_MAX_SKEW_SECONDS = 300;
/** 10 MB of JSON: about 7.5 MB of PDF. */
export const FAX_MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface InboundFax {
  readonly faxId: string;
  readonly from: string;
  readonly to: string;
  readonly receivedAt?: string;
  readonly pages?: number;
  readonly document: Uint8Array;
}

export function faxSignature(secret: string, timestamp: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

export function verifyFaxSignature(
  secret: string,
  header: string | undefined,
  timestamp: string | undefined,
  rawBody: string,
  nowMs: number,
): boolean {
  if (!header || !timestamp || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > FAX_MAX_SKEW_SECONDS) return false;
  const expected = Buffer.from(faxSignature(secret, timestamp, rawBody));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export type FaxParse =
  | { readonly ok: true; readonly fax: InboundFax }
  | { readonly ok: false; readonly message: string };

export function parseInboundFax(raw: string): FaxParse {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return { ok: false, message: 'The body is not JSON; send the fax as a JSON object (see README "Fax").' };
  }
  if (!body || typeof body !== 'object' || Array.isArray(body))
    return { ok: false, message: 'The body must be a JSON object.' };
  const b = body as Record<string, unknown>;
  const str = (k: string) => (typeof b[k] === 'string' ? (b[k] as string).trim() : '');
  const faxId = str('faxId');
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(faxId))
    return { ok: false, message: 'faxId is required: 1-100 letters, digits, "_" or "-".' };
  if (!str('from')) return { ok: false, message: 'from (the sender number) is required.' };
  if (!str('to')) return { ok: false, message: 'to (our fax number) is required.' };
  const pages = b.pages;
  if (
    pages !== undefined &&
    (typeof pages !== 'number' || !Number.isInteger(pages) || pages < 1 || pages > 1000)
  )
    return { ok: false, message: 'pages, when given, is a whole number from 1 to 1000.' };
  const receivedAt = str('receivedAt');
  if (receivedAt && Number.isNaN(Date.parse(receivedAt)))
    return { ok: false, message: 'receivedAt, when given, is an ISO 8601 time.' };
  const encoded = str('document');
  if (!encoded || !/^[A-Za-z0-9+/=\s]+$/.test(encoded))
    return { ok: false, message: 'document is required: the PDF in base64.' };
  const document = new Uint8Array(Buffer.from(encoded, 'base64'));
  if (Buffer.from(document.subarray(0, 5)).toString('latin1') !== '%PDF-')
    return { ok: false, message: 'document does not decode to a PDF (it must start with %PDF-).' };
  return {
    ok: true,
    fax: {
      faxId,
      from: str('from'),
      to: str('to'),
      document,
      ...(receivedAt ? { receivedAt: new Date(receivedAt).toISOString() } : {}),
      ...(typeof pages === 'number' ? { pages } : {}),
    },
  };
}
