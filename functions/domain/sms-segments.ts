// How many SMS segments a text takes, by the GSM 03.38 rules carriers bill by: in the GSM 7-bit alphabet,
// 160 characters in one segment and 153 per segment once split (the rest is the joining header); with any
// other character (Chinese, an emoji) the whole text goes as UCS-2, 70 in one and 67 per segment.

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** Characters of the extension table: each is sent as an escape and the character, two septets. */
const GSM_EXTENDED = '^{}\\[~]|€\f';

export type SmsEncoding = 'gsm7' | 'ucs2';

export interface SmsSize {
  readonly encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  readonly units: number;
  readonly segments: number;
}

const LIMITS: Record<SmsEncoding, { readonly single: number; readonly split: number }> = {
  gsm7: { single: 160, split: 153 },
  ucs2: { single: 70, split: 67 },
};

export function smsSize(text: string): SmsSize {
  let septets = 0;
  let gsm = true;
  for (const ch of text) {
    if (GSM_BASIC.includes(ch)) septets += 1;
    else if (GSM_EXTENDED.includes(ch)) septets += 2;
    else {
      gsm = false;
      break;
    }
  }
  const encoding: SmsEncoding = gsm ? 'gsm7' : 'ucs2';
  const units = gsm ? septets : text.length;
  const limit = LIMITS[encoding];
  const segments = units === 0 ? 0 : units <= limit.single ? 1 : Math.ceil(units / limit.split);
  return { encoding, units, segments };
}
