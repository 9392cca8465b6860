// Initial and reset passwords the admin hands over: 16 letters and digits without look-alikes (the same
// alphabet as the deploy's first-admin secret), so they can be read out or typed once, then replaced.

export const GENERATED_LENGTH = 16;

/** Letters and digits without I, l, 1, O, 0 and o. */
export const PASSWORD_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

export type RandomBytes = (count: number) => Uint8Array;

const cryptoBytes: RandomBytes = (count) => crypto.getRandomValues(new Uint8Array(count));

/** Each character uniform over the alphabet: bytes past the last whole multiple of its size are drawn again. */
export function generatePassword(length = GENERATED_LENGTH, random: RandomBytes = cryptoBytes): string {
  const size = PASSWORD_ALPHABET.length;
  const limit = 256 - (256 % size);
  let out = '';
  while (out.length < length) {
    for (const byte of random(length - out.length)) {
      if (byte < limit && out.length < length) out += PASSWORD_ALPHABET[byte % size];
    }
  }
  return out;
}
