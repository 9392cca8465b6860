// Knowledge-base search at scale: 10,000 generated articles (half Chinese, half English, from a seeded
// generator over 3,000-word vocabularies with a few common words and many rare ones, so every run indexes
// the same text), the in-memory index build time, and the latency of 1,000 searches: two characters from
// inside a Chinese word, and an English word with a typo beside a second word.
// Writes bench-results/kb.json. The goal is p95 under 20 ms per search.
import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { KbArticle, KbHotline } from '../../functions/domain/kb/article.js';
import { buildKbIndex } from '../../functions/domain/kb/search.js';
import type { TicketType } from '../../functions/domain/model.js';
import { seededRandom } from '../../infra/local/demo/seeded-random.js';
import { summarise } from './stats.js';

const RESULTS = new URL('../../bench-results/kb.json', import.meta.url);
const ARTICLES = 10_000;
const QUERIES = 1_000;

/** Common characters of service text; words are made from them, so compounds share characters. */
const HAN =
  '保修延长期发动机变速箱漏油异响道路救援服务高速拖车费用蓄电池亏电账户密码重置网络打印卡纸远程办公连接客户投诉升级理赔进度查询合作维修站推荐单信息更正事故现场取证车辆工座席处理确认告知记录流程时间系统短邮件附证书过户转让取消退款检测配零部轮胎刹片灯空调压缩启动钥匙锁开门油箱加';
const LATIN_SYLLABLES = [
  'war',
  'ran',
  'ty',
  'en',
  'gine',
  'res',
  'cue',
  'tow',
  'ing',
  'bat',
  'ter',
  'pass',
  'word',
  'print',
  'net',
  'com',
  'plaint',
  'claim',
  'pol',
  'i',
  'cy',
  'mail',
  'dis',
  'patch',
  'cus',
  'tom',
  'sche',
  'dule',
  'ac',
  'ci',
  'dent',
  'lo',
  'ca',
  'tion',
  'cer',
  'ti',
  'fi',
  'cate',
];
const ZH_WORDS = 3_000;
const EN_WORDS = 3_000;
const HOTLINES: readonly KbHotline[] = ['warranty', 'rescue', 'it-support'];
const TYPES: readonly TicketType[] = ['claim', 'complaint', 'inquiry', 'rescue', 'fault'];

/** A few words are common and most are rare, as in real text (roughly Zipf-like). */
function skewed<T>(list: readonly T[], random: () => number): T {
  return list[Math.floor(list.length * random() ** 3)] as T;
}

function vocabulary(random: () => number) {
  const han = [...HAN];
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const zh = new Set<string>();
  while (zh.size < ZH_WORDS)
    zh.add(Array.from({ length: 3 + Math.floor(random() * 2) }, () => pick(han)).join(''));
  const en = new Set<string>();
  while (en.size < EN_WORDS)
    en.add(Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(LATIN_SYLLABLES)).join(''));
  return { zh: [...zh], en: [...en].filter((w) => w.length >= 5) };
}

function generate(random: () => number, words: ReturnType<typeof vocabulary>): KbArticle[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const text = (n: number, list: readonly string[], sep: string) =>
    Array.from({ length: n }, () => skewed(list, random)).join(sep);
  return Array.from({ length: ARTICLES }, (_, i) => {
    const zh = i % 2 === 0;
    const title = zh ? text(3, words.zh, '') : text(4, words.en, ' ');
    const body = zh ? text(50, words.zh, random() < 0.5 ? '，' : '') : text(80, words.en, ' ');
    return {
      id: `bench-${i}`,
      lang: zh ? 'zh' : 'en',
      title,
      body,
      summary: body.slice(0, 120),
      category: `cat-${i % 12}`,
      tags: [zh ? skewed(words.zh, random) : skewed(words.en, random)],
      hotlines: [pick(HOTLINES)],
      ticketTypes: [pick(TYPES)],
      ivrPaths: [],
      owner: 'bench',
      version: 1,
      status: 'published',
      updatedAt: '2026-03-02T02:00:00.000Z',
      updatedBy: 'bench',
    };
  });
}

/** One typo: a letter dropped, doubled or swapped with the next. */
function typo(word: string, random: () => number): string {
  const at = 1 + Math.floor(random() * (word.length - 2));
  const kind = Math.floor(random() * 3);
  if (kind === 0) return word.slice(0, at) + word.slice(at + 1);
  if (kind === 1) return word.slice(0, at) + (word[at] ?? '') + word.slice(at);
  return word.slice(0, at) + (word[at + 1] ?? '') + (word[at] ?? '') + word.slice(at + 2);
}

export async function run(): Promise<void> {
  const random = seededRandom(20_260_302);
  const words = vocabulary(random);
  const articles = generate(random, words);
  const t0 = performance.now();
  const index = buildKbIndex(articles);
  const buildMs = performance.now() - t0;

  // Chinese: two characters from inside a word (never a word of its own); English: a word with a typo.
  const queries = Array.from({ length: QUERIES }, (_, i) => {
    if (i % 2 === 0) {
      const word = [...skewed(words.zh, random)];
      const at = Math.floor(random() * (word.length - 1));
      return { lang: 'zh' as const, q: `${word[at]}${word[at + 1]}` };
    }
    return {
      lang: 'en' as const,
      q: `${typo(skewed(words.en, random), random)} ${skewed(words.en, random)}`,
    };
  });
  // Warm the JIT on a separate slice of queries before timing.
  for (const { q } of queries.slice(0, 50)) index.search(q, {}, 10);

  const zhSamples: number[] = [];
  const enSamples: number[] = [];
  let found = 0;
  for (const { lang, q } of queries) {
    const s = performance.now();
    const hits = index.search(q, { lang }, 10);
    (lang === 'zh' ? zhSamples : enSamples).push(performance.now() - s);
    if (hits.length > 0) found++;
  }
  const all = summarise([...zhSamples, ...enSamples]);
  const result = {
    articles: ARTICLES,
    build_ms: Math.round(buildMs),
    heap_mb: Math.round(process.memoryUsage().heapUsed / 1e6),
    queries: QUERIES,
    queries_with_hits: found,
    search: all,
    search_zh: summarise(zhSamples),
    search_en_typo: summarise(enSamples),
    goal: 'p95 < 20 ms',
    goal_met: all.p95_ms < 20,
  };
  console.log(
    `index of ${ARTICLES} articles built in ${result.build_ms} ms; ${QUERIES} searches: p50 ${all.p50_ms} ms, p95 ${all.p95_ms} ms, p99 ${all.p99_ms} ms (zh p95 ${result.search_zh.p95_ms}, en typo p95 ${result.search_en_typo.p95_ms}); ${found} with hits`,
  );
  mkdirSync(new URL('.', RESULTS), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`);
}
