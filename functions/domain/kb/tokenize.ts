// Search terms for Chinese and English text. Chinese has no spaces, and a word segmenter cuts compounds
// its own way (延长保修期 may come out whole), so besides the segmenter's words every run of Han characters
// also gives its character bigrams: a query word inside a compound (保修) then still matches.
const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}+/gu;

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** True for a term made of Han characters (no fuzzy or prefix matching for those). */
export function isHanTerm(term: string): boolean {
  return HAN.test(term);
}

/**
 * Lower-cased words (Latin and Han) plus the Han bigrams, each once. Single Han characters (的, 保) are
 * kept only for a text with no bigram at all (a one-character query): elsewhere the bigrams cover them,
 * and as terms of their own they would match nearly every article.
 */
export function tokenize(text: string): string[] {
  const normal = text.normalize('NFKC').toLowerCase();
  const terms = new Set<string>();
  const singles: string[] = [];
  for (const { segment, isWordLike } of segmenter.segment(normal)) {
    if (!isWordLike) continue;
    // A segment that mixes scripts ("vpn连接") is split so each part is searched as its own kind.
    for (const part of segment.split(/(\p{Script=Han}+)/u)) {
      if (!part) continue;
      if (isHanTerm(part) && [...part].length === 1) singles.push(part);
      else terms.add(part);
    }
  }
  let bigrams = 0;
  for (const run of normal.match(HAN_RUN) ?? []) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++, bigrams++) terms.add(`${chars[i]}${chars[i + 1]}`);
  }
  if (bigrams === 0) for (const single of singles) terms.add(single);
  return [...terms];
}
