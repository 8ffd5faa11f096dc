// The lexicon tests pass to the engine and the index: one per test process, opened on first use (opening one reads
// WordNet's index files; its memos are shared by every engine of the process, as the bot's are).
import { openLexicon, type Lexicon } from '../../src/lexicon/index.js';

let opened: Lexicon | undefined;

/** This process' lexicon, opened the first time it is asked for. */
export function testLexicon(): Lexicon {
  opened ??= openLexicon();
  return opened;
}
