// The knowledge's own table of general English: for each word a reader may use, the knowledge's words it stands for.
import type { Lexicon } from './lexicon.js';
import { RELATION_STRENGTH, type Relation } from './related-forms.js';
import type { PartOfSpeech } from './wordnet.js';

/** A knowledge word (or phrase, as its search terms) that a reader's word stands for, and how strongly. */
export interface LexicalLink {
  terms: readonly string[];
  /** The reader's word's part of speech in the sense that links it; undefined: any (a phrase of the knowledge). */
  pos?: PartOfSpeech;
  relation: Relation;
  strength: number;
}

/** A word or phrase of the knowledge, as WordNet writes it (`united_states`) and as the index holds it. */
export interface KnowledgeWord {
  word: string;
  terms: readonly string[];
}

/** The table as plain data, for the index cache: `[form, [terms, relation, strength, pos, knowledge word][]]`. */
export type LexicalTableData = [string, [string[], Relation, number, PartOfSpeech | '', string][]][];

/** Whether a reader's form is already the knowledge word (no need to record it). */
export type SameWord = (form: string, terms: readonly string[]) => boolean;

interface StoredLink extends LexicalLink {
  /** The knowledge word (or phrase) the link was made for, so that it can be taken out again. */
  source: string;
}

/**
 * Maps the words a reader may use (base forms, lower case, `_` between the words of a phrase) to the knowledge's words
 * they stand for. Built from WordNet for the knowledge's words, and kept up to date as words come and go, so answering
 * needs no WordNet lookups beyond base forms.
 */
export class LexicalTable {
  private readonly links = new Map<string, StoredLink[]>();

  /**
   * Builds the table for the knowledge's words; `sameWord` says a form is already the knowledge's word (its stem).
   * A phrase of the knowledge (`united_states`) also stands for itself, so a reader's phrase can be found as one.
   */
  static build(lexicon: Lexicon, words: Iterable<KnowledgeWord>, sameWord: SameWord): LexicalTable {
    const table = new LexicalTable();
    for (const word of words) table.addWord(lexicon, word, sameWord);
    return table;
  }

  /** Restores a table saved with {@link toJSON}. */
  static fromJSON(data: LexicalTableData): LexicalTable {
    const table = new LexicalTable();
    for (const [form, links] of data) {
      table.links.set(form, links.map(([terms, relation, strength, pos, source]) => ({ terms, relation, strength, source, ...(pos ? { pos } : {}) })));
    }
    return table;
  }

  toJSON(): LexicalTableData {
    return [...this.links].map(([form, links]) => [form, links.map((l) => [[...l.terms], l.relation, l.strength, l.pos ?? '', l.source])]);
  }

  /** Adds the forms a reader may use for one knowledge word (or phrase). */
  addWord(lexicon: Lexicon, { word, terms }: KnowledgeWord, sameWord: SameWord): void {
    if (word.includes('_')) this.put(word, { terms, relation: 'same', strength: RELATION_STRENGTH.same, source: word });
    for (const { form, pos, relation, strength } of lexicon.relatedForms(word).values()) {
      if (!sameWord(form, terms)) this.put(form, { terms, relation, strength, source: word, ...(pos ? { pos } : {}) });
    }
  }

  /** Takes out what {@link addWord} added for a knowledge word the knowledge no longer uses. */
  removeWord(lexicon: Lexicon, { word }: KnowledgeWord): void {
    const forms = [...(word.includes('_') ? [word] : []), ...[...lexicon.relatedForms(word).values()].map((f) => f.form)];
    for (const form of forms) {
      const kept = (this.links.get(form) ?? []).filter((l) => l.source !== word);
      if (kept.length > 0) this.links.set(form, kept);
      else this.links.delete(form);
    }
  }

  /**
   * The knowledge's words `form` stands for, strongest first (each once, at its strongest); as a `pos` only, when
   * given. Equal strengths come in the order of their words, whatever order the words came in.
   */
  lookup(form: string, pos?: PartOfSpeech): readonly LexicalLink[] {
    const stored = this.links.get(form);
    if (!stored) return [];
    const best = new Map<string, LexicalLink>();
    for (const { source: _source, ...link } of stored) {
      if (pos !== undefined && link.pos !== undefined && link.pos !== pos) continue;
      const key = `${link.terms.join(' ')}|${link.pos ?? ''}`;
      const known = best.get(key);
      if (!known || known.strength < link.strength || (known.strength === link.strength && relationKey(link) < relationKey(known))) best.set(key, link);
    }
    return [...best].sort(([ka, a], [kb, b]) => b.strength - a.strength || (ka < kb ? -1 : ka > kb ? 1 : 0)).map(([, link]) => link);
  }

  /** Number of forms in the table. */
  get size(): number {
    return this.links.size;
  }

  private put(form: string, link: StoredLink): void {
    const links = this.links.get(form);
    if (links) links.push(link);
    else this.links.set(form, [link]);
  }
}

const relationKey = (link: LexicalLink): string => link.relation;
