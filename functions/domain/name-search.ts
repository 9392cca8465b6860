// Finding a customer by part of a name, in Latin or Chinese script, however it is typed: the keys a name
// is indexed under and the key a search box's text is looked up by. A search is a prefix match of the
// typed key against the indexed keys, so the keys are every word of the name (Intl.Segmenter's word
// breaks), the whole name run together ("li m" finds "Li Ming") and, for Chinese, every tail of a run of
// Han characters (a search for 建国 or 国 finds 王建国: Chinese names have no spaces to split on).

/** Names are short; the cap keeps one long company name from writing hundreds of index items. */
const MAX_KEYS = 40;
const HAN_RUN = /\p{Script=Han}+/gu;
const words = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * The comparable form of a text: full-width and compatibility forms folded (Ｓｍｉｔｈ is Smith), accents
 * dropped (Zoë is zoe), lower case, and nothing but letters and digits.
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFKC')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** Every key a customer with this name (and company) is found under by a prefix of the typed text. */
export function nameKeys(...names: readonly (string | undefined)[]): string[] {
  const keys = new Set<string>();
  for (const name of names) {
    if (!name) continue;
    const whole = searchKey(name);
    if (whole) keys.add(whole);
    for (const part of words.segment(name.normalize('NFKC'))) {
      const word = part.isWordLike ? searchKey(part.segment) : '';
      if (word && !/\p{Script=Han}/u.test(word)) keys.add(word);
    }
    for (const run of whole.match(HAN_RUN) ?? []) {
      const chars = [...run];
      for (let i = 0; i < chars.length; i++) keys.add(chars.slice(i).join(''));
    }
  }
  return [...keys].slice(0, MAX_KEYS);
}
