// Builds the briefing summary: a headline, 4–6 central and non-redundant sentences, the FAQ, the source.
import { searchTerms } from '../text/index.js';
import { documentDate, newestFirst, splitDateline, splitSentences, type Knowledge, type KnowledgeDocument } from '../knowledge/index.js';
import { pickLead } from './pick-lead.js';
import { cosine, textRank, tfidfVectors } from './textrank.js';
import { MAX_ALSO, type KeyPoint, type Summary } from './types.js';

/** Options of {@link buildSummary}. */
export interface SummaryOptions {
  /** File name or id of the document to lead with. Default: the newest. */
  document?: string;
  /** Fewest and most key points. Default 4 and 6. */
  minPoints?: number;
  maxPoints?: number;
  /** Trade-off between centrality (1) and novelty (0) when picking each next point. Default 0.7. */
  lambda?: number;
  /** The articles' fingerprints at the previous post (see {@link fingerprint}): what is new since is marked. */
  since?: readonly string[];
}

/** What tells one version of an article from another: its file and the digest of its bytes. */
export function fingerprint(document: Pick<KnowledgeDocument, 'file' | 'digest' | 'modified'>): string {
  return `${document.file}@${document.digest ?? document.modified ?? ''}`;
}

/** Longest headline taken from a first sentence (Slack's header limit is 150). */
const MAX_HEADLINE = 150;

/**
 * Summarises the lead document extractively: sentences are ranked by TextRank centrality (the FAQ entries
 * voting alongside them), then picked greedily
 * by maximal marginal relevance, one per paragraph while paragraphs last, so the points cover the article's
 * threads rather than its opening; they are shown in article order. Same knowledge, same summary.
 */
export function buildSummary(knowledge: Knowledge, options: SummaryOptions = {}): Summary {
  const { minPoints = 4, maxPoints = 6, lambda = 0.7 } = options;
  const lead = pickLead(knowledge, options.document);
  const paragraphs = lead.passages.filter((p) => p.kind === 'paragraph');
  const sentences = paragraphs.flatMap((p) =>
    splitSentences(splitDateline(p.text).body).map((text, order) => ({ text, paragraph: p.index, order })),
  );
  // FAQ entries vote in the ranking (they say which threads readers are expected to ask about) but are never picked.
  const voters = lead.passages.filter((p) => p.kind === 'faq').map((p) => `${p.question ?? ''} ${p.text}`);
  const vectors = tfidfVectors([...sentences.map((s) => s.text), ...voters].map(searchTerms));
  const scores = textRank(vectors).slice(0, sentences.length);
  const best = Math.max(...scores, Number.MIN_VALUE);
  const wanted = Math.min(sentences.length, Math.max(minPoints, Math.min(maxPoints, Math.round(paragraphs.length * 0.6))));

  const chosen: number[] = [];
  while (chosen.length < wanted) {
    const used = new Set(chosen.map((i) => sentences[i]?.paragraph));
    const fresh = sentences.map((_, i) => i).filter((i) => !chosen.includes(i) && !used.has(sentences[i]?.paragraph));
    const pool = fresh.length > 0 ? fresh : sentences.map((_, i) => i).filter((i) => !chosen.includes(i));
    const value = (i: number): number => {
      const redundancy = Math.max(0, ...chosen.map((j) => cosine(vectors[i] ?? new Map(), vectors[j] ?? new Map())));
      return lambda * ((scores[i] ?? 0) / best) - (1 - lambda) * redundancy;
    };
    const next = pool.reduce((a, b) => (value(b) > value(a) ? b : a));
    chosen.push(next);
  }
  const keyPoints: KeyPoint[] = chosen
    .sort((a, b) => a - b)
    .map((i) => sentences[i])
    .flatMap((s) => (s ? [{ text: s.text, paragraph: s.paragraph }] : []));
  const firstSentence = sentences[0]?.text ?? lead.title;
  const since = options.since ? new Set(options.since) : undefined;
  const isNew = (d: KnowledgeDocument): { isNew?: boolean } => (since ? { isNew: !since.has(fingerprint(d)) } : {});
  const others = newestFirst(knowledge.documents).filter((d) => d !== lead);
  const now = knowledge.documents.map(fingerprint);
  const date = documentDate(lead);
  return {
    documentId: lead.id,
    file: lead.file,
    headline: lead.title.endsWith('…') && firstSentence.length <= MAX_HEADLINE ? firstSentence : lead.title,
    keyPoints,
    askMe: lead.passages.flatMap((p) => (p.question ? [p.question] : [])),
    source: lead.sources.join(', '),
    ...(date ? { date } : {}),
    ...isNew(lead),
    also: others.slice(0, MAX_ALSO).map((d) => {
      const day = documentDate(d);
      return { title: d.title, file: d.file, ...(day ? { date: day } : {}), ...isNew(d) };
    }),
    more: Math.max(0, others.length - MAX_ALSO),
    ...(since ? { unchanged: now.length === since.size && now.every((f) => since.has(f)) } : {}),
  };
}
