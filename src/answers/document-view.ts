// One article of several, as the engine would see it alone: its own words, their weights in it, and the relatives
// general English links to them. With several articles, a question is answered as the article it is about would
// answer it alone: a synonym, a typo or a word used alike never bridges two articles, and a word that is the topic
// of one article (everywhere in it) weighs little there however rare it is in the others.
import type { KnowledgeDocument } from '../knowledge/index.js';
import type { LexicalTable } from '../lexicon/index.js';
import { passageWords, vectorTableOf, type PassageIndex, Vocabulary } from '../search/index.js';
import type { Concept, QueryContext } from './resolve-query.js';
import { SpelledOut } from './spelled-out.js';

/** What a question is resolved and weighed against within one article. */
export interface DocumentView {
  docId: string;
  /** The article's own vocabulary: its passages' words and how many of them hold each. */
  vocabulary: Vocabulary;
  /** Where its passages are in the index. */
  positions: readonly number[];
  context: QueryContext;
}

/** Views kept for the articles questions were last about (about 300 KB each); older ones are made again when needed. */
export const MAX_VIEWS = 32;

/** Makes and keeps the views of one knowledge's articles (the engine holds one; a new knowledge gets a new engine). */
export class DocumentViews {
  private readonly views = new Map<string, DocumentView>();

  constructor(
    private readonly index: PassageIndex,
    private readonly documents: ReadonlyMap<string, KnowledgeDocument>,
    private readonly shared: Pick<QueryContext, 'lexicon' | 'aliases'>,
  ) {}

  of(docId: string): DocumentView | undefined {
    const known = this.views.get(docId);
    if (known) {
      // Most recently used last: the oldest is the first to go.
      this.views.delete(docId);
      this.views.set(docId, known);
      return known;
    }
    const document = this.documents.get(docId);
    if (!document) return undefined;
    const view = this.make(document);
    this.views.set(docId, view);
    if (this.views.size > MAX_VIEWS) this.views.delete(this.views.keys().next().value as string);
    return view;
  }

  private make(document: KnowledgeDocument): DocumentView {
    const vocabulary = new Vocabulary();
    for (const passage of document.passages) vocabulary.addPassage(passageWords(passage));
    const { lexicon } = this.shared;
    const global = this.index.lexical;
    // The knowledge's links, to this article's words only (a link belongs to the word it was made for).
    const lexical: Pick<LexicalTable, 'lookup'> = {
      lookup: (form, pos) => global.lookup(form, pos).filter((link) => link.terms.every((t) => vocabulary.has(t))),
    };
    let near: ReturnType<QueryContext['nearWords']> | null = null;
    let spelled: SpelledOut | undefined;
    const context: QueryContext = {
      ...this.shared,
      vocabulary,
      lexical,
      memo: new Map<string, Omit<Concept, 'position'> | null>(),
      nearWords: () => {
        if (near === null) near = vectorTableOf(lexicon, vocabulary);
        return near;
      },
      spelledOut: (abbreviation, namesOnly) => (spelled ??= new SpelledOut(document.passages)).phrases(abbreviation, namesOnly),
    };
    return { docId: document.id, vocabulary, context, positions: this.index.positionsOf(document.id) };
  }
}
