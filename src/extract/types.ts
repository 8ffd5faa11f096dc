// What an extractor makes of a page or a file: the article, ready to be written in the knowledge format.

/** An article taken from a page or a file. */
export interface ExtractedArticle {
  /** The headline (derived from the first paragraph when the source has none). */
  title?: string;
  /** The publication date, `YYYY-MM-DD`, when the source says. */
  date?: string;
  /** The body paragraphs, in order, as plain text. */
  paragraphs: string[];
  /** FAQ entries (files in the knowledge format only). */
  faq?: { question: string; answer: string }[];
  /** Where it came from: the link, or the sources a knowledge-format file names. */
  sources?: string[];
}
