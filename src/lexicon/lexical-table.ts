// The knowledge's own table of general English: for each word a reader may use, the knowledge's words it stands for.
import { RELATION_STRENGTH, type Lexicon, type Relation } from './lexicon.js';

/** A knowledge word (or phrase, as its search terms) that a reader's word stands for, and how strongly. */
export interface LexicalLink {
  terms: readonly string[];
  relation: Relation;
  strength: number;
}

/** A word or phrase of the knowledge, as WordNet writes it (`united_states`) and as the index holds it. */
export interface KnowledgeWord {
  word: string;
  terms: readonly string[];
}

/** The table as plain data, for the index cache: `[form, [terms, relation, strength][]]`. */
export type LexicalTableData = [string, [string[], Relation, number][]][];

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
      for (const { form, relation, strength } of lexicon.relatedForms(word).values()) {
        if (!sameWord(form, terms)) table.add(form, { terms, relation, strength });
      }
    }
    return table;
  }

  /** Restores a table saved with {@link toJSON}. */
  static fromJSON(data: LexicalTableData): LexicalTable {
    const table = new LexicalTable();
    for (const [form, links] of data) table.links.set(form, links.map(([terms, relation, strength]) => ({ terms, relation, strength })));
    return table;
  }

  toJSON(): LexicalTableData {
    return [...this.links].map(([form, links]) => [form, links.map((l) => [[...l.terms], l.relation, l.strength])]);
  }

  /** The knowledge's words `form` stands for, strongest first. */
  lookup(form: string): readonly LexicalLink[] {
    return this.links.get(form) ?? [];
  }

  /** Number of forms in the table. */
  get size(): number {
    return this.links.size;
  }

  private add(form: string, link: LexicalLink): void {
    const links = this.links.get(form);
    if (!links) return void this.links.set(form, [link]);
    const key = link.terms.join(' ');
    const same = links.findIndex((l) => l.terms.join(' ') === key);
    if (same >= 0) {
      if ((links[same]?.strength ?? 0) >= link.strength) return;
      links.splice(same, 1);
    }
    const at = links.findIndex((l) => l.strength < link.strength);
    links.splice(at < 0 ? links.length : at, 0, link);
  }
}
