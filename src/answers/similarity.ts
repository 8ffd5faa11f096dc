// How alike a question and a passage are in use (the mean of their words' GloVe vectors): among passages that hold
// the question's words about equally, the one about the same thing comes first.
import { type KnowledgeDocument, type Passage, splitDateline } from '../knowledge/index.js';
import { DIMENSIONS as VECTOR_DIMENSIONS, type WordVectors } from '../lexicon/index.js';
import { tokenize } from '../text/index.js';

/** A local copy: an imported binding read in a hot loop costs a lookup each time. */
const DIMENSIONS = VECTOR_DIMENSIONS;
/** Passages whose vectors are remembered. */
const MEMO_LIMIT = 2_000;

/** The mean vector of the content words of `text` (stop and frame words left out), if any has a vector. */
export function meanVector(text: string, vectors: WordVectors): Float64Array | undefined {
  const sum = new Float64Array(DIMENSIONS);
  let count = 0;
  for (const token of tokenize(text)) {
    const vector = token.term && !token.frame ? vectors.vector(token.folded) : undefined;
    if (!vector) continue;
    for (let d = 0; d < DIMENSIONS; d += 1) sum[d] = (sum[d] as number) + (vector[d] as number);
    count += 1;
  }
  return count > 0 ? sum : undefined;
}

/** Cosine similarity of two vectors (0 when either is missing). */
export function cosine(a: Float64Array | undefined, b: Float64Array | undefined): number {
  if (!a || !b) return 0;
  let dot = 0;
  let aa = 0;
  let bb = 0;
  for (let d = 0; d < DIMENSIONS; d += 1) {
    dot += (a[d] as number) * (b[d] as number);
    aa += (a[d] as number) ** 2;
    bb += (b[d] as number) ** 2;
  }
  return aa > 0 && bb > 0 ? dot / Math.sqrt(aa * bb) : 0;
}

/** The mean vectors of passages (an FAQ entry's question and answer), made when first needed. */
export class PassageVectors {
  private readonly memo = new Map<Passage, Float64Array | undefined>();

  constructor(private readonly vectors: () => WordVectors | undefined) {}

  of(passage: Passage): Float64Array | undefined {
    if (this.memo.has(passage)) return this.memo.get(passage);
    const vectors = this.vectors();
    const mean = vectors ? meanVector(`${passage.question ?? ''} ${splitDateline(passage.text).body}`, vectors) : undefined;
    if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
    this.memo.set(passage, mean);
    return mean;
  }
}

/**
 * The mean vectors of documents' topics, made when first needed: a document's title and opening paragraph, which say
 * what it is about (all its passages would cost a pass over every word of every article a question touches).
 */
export class DocumentVectors {
  private readonly memo = new Map<string, Float64Array | undefined>();

  constructor(private readonly vectors: () => WordVectors | undefined) {}

  of(document: Pick<KnowledgeDocument, 'id' | 'title' | 'passages'>): Float64Array | undefined {
    if (this.memo.has(document.id)) return this.memo.get(document.id);
    const vectors = this.vectors();
    const lede = document.passages.find((p) => p.kind === 'paragraph')?.text ?? '';
    const mean = vectors ? meanVector(`${document.title} ${splitDateline(lede).body}`, vectors) : undefined;
    if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
    this.memo.set(document.id, mean);
    return mean;
  }
}
