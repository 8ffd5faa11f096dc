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

/** The table as plain data, for the index cache: `[form, [terms, relation, strength, pos][]]`. */
export type LexicalTableData = [string, [string[], Relation, number, PartOfSpeech | ''][]][];

/**
 * Maps the words a reader may use (base forms, lower case, `_` between the words of a phrase) to the knowledge's words
 * they stand for. Built once per knowledge from WordNet, so answering needs no WordNet lookups beyond base forms.
 */
export class LexicalTable {
  private readonly links = new Map<string, LexicalLink[]>();

  /**
   * Builds the table for the knowledge's words; `sameWord` says a form is already the knowledge's word (its stem).
   * A phrase of the knowledge (`united_states`) also stands for itself, so a reader's phrase can be found as one.
   */
  static build(lexicon: Lexicon, words: Iterable<KnowledgeWord>, sameWord: (form: string, terms: readonly string[]) => boolean): LexicalTable {
    const table = new LexicalTable();
    for (const { word, terms } of words) {
      if (word.includes('_')) table.add(word, { terms, relation: 'same', strength: RELATION_STRENGTH.same });
      for (const { form, pos, relation, strength } of lexicon.relatedForms(word).values()) {
        if (!sameWord(form, terms)) table.add(form, { terms, relation, strength, pos });
      }
    }
    return table;
  }

  /** Restores a table saved with {@link toJSON}. */
  static fromJSON(data: LexicalTableData): LexicalTable {
    const table = new LexicalTable();
    for (const [form, links] of data) {
      table.links.set(form, links.map(([terms, relation, strength, pos]) => ({ terms, relation, strength, ...(pos ? { pos } : {}) })));
    }
    return table;
  }

  toJSON(): LexicalTableData {
    return [...this.links].map(([form, links]) => [form, links.map((l) => [[...l.terms], l.relation, l.strength, l.pos ?? ''])]);
  }

  /** The knowledge's words `form` stands for, strongest first; as a `pos` only, when given. */
  lookup(form: string, pos?: PartOfSpeech): readonly LexicalLink[] {
    const links = this.links.get(form) ?? [];
    return pos === undefined ? links : links.filter((l) => l.pos === undefined || l.pos === pos);
  }

  /** Number of forms in the table. */
  get size(): number {
    return this.links.size;
  }

  private add(form: string, link: LexicalLink): void {
    const links = this.links.get(form);
    if (!links) return void this.links.set(form, [link]);
    const key = `${link.terms.join(' ')}|${link.pos ?? ''}`;
    const same = links.findIndex((l) => `${l.terms.join(' ')}|${l.pos ?? ''}` === key);
    if (same >= 0) {
      if ((links[same]?.strength ?? 0) >= link.strength) return;
      links.splice(same, 1);
    }
    const at = links.findIndex((l) => l.strength < link.strength);
    links.splice(at < 0 ? links.length : at, 0, link);
  }
}
