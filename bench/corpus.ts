// Deterministic synthetic news: knowledge folders of N articles (~5 KB each) from a seeded RNG, for the scale bench.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: a small, fast, seeded PRNG (same seed, same corpus). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOUNS = `government minister election economy market trade deal summit agreement sanctions war ceasefire army
border talks inflation budget tax energy oil gas pipeline grid climate policy court ruling protest union strike
company shares investors bank currency debt loan exports imports tariffs factory jobs workers farmers harvest
drought flood storm port railway airport highway bridge hospital vaccine virus school students teachers police
officials lawmakers parliament senate president premier spokesman diplomat embassy treaty alliance security
missile drone navy satellite launch technology chips software data privacy platform network cable telecom
refinery mine copper lithium steel aluminium coal nuclear reactor solar wind turbine carbon emissions forest
water dam river coast island region province capital village city mayor governor council report survey poll
campaign candidate vote ballot turnout coalition opposition reform constitution referendum corruption scandal
investigation prosecutor judge verdict appeal prison refugees migrants aid relief donors charity museum festival
tourism hotel airline fares prices wages rent housing mortgage growth recession forecast quarter profit revenue`.split(/\s+/u);
const VERBS = `announced approved rejected signed delayed blocked urged warned pledged raised cut expanded reduced
launched suspended resumed criticised defended proposed negotiated secured boosted weakened questioned confirmed
denied investigated challenged welcomed condemned funded backed opposed`.split(/\s+/u);
const ADJECTIVES = `new major key national regional local global foreign domestic economic political military
financial industrial rural urban coastal northern southern eastern western central senior former interim annual
record sharp modest strong weak rising falling long-term short-term controversial landmark emergency`.split(/\s+/u);
const FRAMES = [
  (s: Sentence) => `${s.who} ${s.verb} the ${s.adj} ${s.noun} on ${s.day}, ${s.source} said.`,
  (s: Sentence) => `The ${s.noun} in ${s.place} was ${s.verb} after ${s.count} ${s.noun2} ${s.verb2} the ${s.adj} ${s.noun3}.`,
  (s: Sentence) => `Officials in ${s.place} ${s.verb} a ${s.adj} plan for the ${s.noun}, citing ${s.adj2} ${s.noun2} and ${s.noun3}.`,
  (s: Sentence) => `“We have ${s.verb} the ${s.noun},” said ${s.who}, adding that the ${s.noun2} would be ${s.verb2} by ${s.day}.`,
  (s: Sentence) => `Analysts expect the ${s.adj} ${s.noun} to affect ${s.noun2} across ${s.place} and ${s.place2} this ${s.period}.`,
];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const PERIODS = ['week', 'month', 'quarter', 'year', 'season'];
const SYLLABLES = 'ka ri mo ta ne lu sa vo de pi ra no ke mi zu ba lo te ha gu ve ni ro sha ten mar bel dor kin lan vas ter'.split(' ');

interface Sentence {
  who: string; verb: string; verb2: string; adj: string; adj2: string; noun: string; noun2: string; noun3: string;
  place: string; place2: string; day: string; source: string; count: number; period: string;
}

/** A corpus generator: names and places from syllables (Zipf-like), so the vocabulary grows as real news does. */
export function createGenerator(seed: number) {
  const random = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  // Zipf-ish: small indexes far more often than large ones.
  const zipf = (size: number): number => Math.min(size - 1, Math.floor(size ** random()) - 1);
  const word = (n: number): string => {
    let w = '';
    for (let i = 0, x = n + 7; i < 3; i += 1, x = Math.floor(x / SYLLABLES.length)) w += SYLLABLES[x % SYLLABLES.length];
    return w.charAt(0).toUpperCase() + w.slice(1);
  };
  const person = (): string => `${word(zipf(5_000))} ${word(zipf(40_000) + 5_000)}`;
  const place = (): string => word(zipf(20_000) + 60_000);
  const sentence = (): string =>
    pick(FRAMES)({
      who: person(), verb: pick(VERBS), verb2: pick(VERBS), adj: pick(ADJECTIVES), adj2: pick(ADJECTIVES), noun: pick(NOUNS),
      noun2: pick(NOUNS), noun3: pick(NOUNS), place: place(), place2: place(), day: pick(DAYS), source: `the ${pick(NOUNS)} office`,
      count: 2 + Math.floor(random() * 900), period: pick(PERIODS),
    });
  const paragraph = (): string => Array.from({ length: 5 + Math.floor(random() * 3) }, sentence).join(' ');

  return {
    random,
    pick,
    /** One article of about 5 KB in the knowledge file format. */
    article(): string {
      const body = Array.from({ length: 8 }, paragraph);
      const faq = Array.from({ length: 3 }, () => `Q: What happened to the ${pick(ADJECTIVES)} ${pick(NOUNS)} in ${place()}?\n\nA: ${sentence()}`);
      return `${body.join('\n\n')}\n\nFAQ:\n\n${faq.join('\n\n')}\n\nSources:\n\n– example.com\n`;
    },
    /** A question as a person would type it about the corpus: some known words, sometimes a typo. */
    question(): string {
      const frames = [
        () => `what did ${person().toLowerCase()} say about the ${pick(NOUNS)}`,
        () => `why was the ${pick(NOUNS)} in ${place()} ${pick(VERBS)}`,
        () => `${pick(ADJECTIVES)} ${pick(NOUNS)} ${pick(NOUNS)}`,
        () => `how will the ${pick(NOUNS)} affect ${pick(NOUNS)} and ${pick(NOUNS)} this ${pick(PERIODS)}?`,
        () => `is the ${pick(ADJECTIVES)} ${pick(NOUNS)} going to be ${pick(VERBS)}`,
      ];
      const q = pick(frames)();
      return random() < 0.2 ? q.replace(/([a-z])([a-z])([a-z]{3,})/u, '$2$1$3') : q;
    },
  };
}

/** Writes `count` articles into `dir` (created); returns the total bytes written. */
export function writeCorpus(dir: string, count: number, seed = 42): number {
  mkdirSync(dir, { recursive: true });
  const generator = createGenerator(seed);
  let bytes = 0;
  for (let i = 0; i < count; i += 1) {
    const text = generator.article();
    bytes += Buffer.byteLength(text);
    writeFileSync(join(dir, `article-${String(i).padStart(5, '0')}.txt`), text);
  }
  return bytes;
}
