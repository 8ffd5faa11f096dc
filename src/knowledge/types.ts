// The shapes the knowledge loader produces: documents made of passages (paragraphs and FAQ entries).

/** Where a passage sits in its document. */
export type PassageKind = 'paragraph' | 'faq';

/** One answerable unit of the knowledge: a body paragraph or one FAQ entry. */
export interface Passage {
  /** Stable id, `<document id>#p<n>` or `<document id>#faq<n>`. */
  id: string;
  /** Id of the document it belongs to. */
  docId: string;
  kind: PassageKind;
  /** 1-based position among the document's passages of the same kind. */
  index: number;
  /** The paragraph, or the FAQ answer, exactly as written. */
  text: string;
  /** The FAQ question, exactly as written (FAQ entries only). */
  question?: string;
  /** Line in the file where the passage starts (1-based). */
  line: number;
}

/** One knowledge file, parsed. */
export interface KnowledgeDocument {
  /** The file name without its extension, e.g. `airline-merger`. */
  id: string;
  /** The file name, e.g. `airline-merger.txt`. */
  file: string;
  /** A `Title:` line when the file has one, else a short title from the first sentence. */
  title: string;
  /** The dateline that opens the article, e.g. `MILAN, Italy (Reuters)`, when there is one. */
  dateline?: string;
  /** The `Sources:` section, one entry per line without bullets, e.g. `['apnews.com']`. */
  sources: string[];
  /** An optional `Date:` line (ISO date), used to pick the newest document. */
  date?: string;
  /** When the file was last modified (ISO), set by the loader; the newest document leads when none has a date. */
  modified?: string;
  /** SHA-256 of the file's bytes, set by the loader: tells a changed file from an unchanged one. */
  digest?: string;
  passages: Passage[];
}

/** Everything the bot knows: every document, and all their passages in document order. */
export interface Knowledge {
  documents: KnowledgeDocument[];
  passages: Passage[];
  /** SHA-256 over the files' names and bytes, when loaded from a folder: what an index cache is keyed by. */
  contentHash?: string;
}
