// The text module's public face: how a question or a passage is cleaned and split into the words that are searched.
export { tokenize, searchTerms, termOf, foldWord, foldFigure, tokenMemoSize, TOKEN_MEMO_LIMIT, type Token } from './tokenize.js';
export { PERSONAL_WORDS, STOP_WORDS, FRAME_WORDS, FRAME_PHRASES, FRAME_AFTER_HOW, NUMBER_WORDS, isStopWordSlip } from './stop-words.js';
export { normaliseQuery, expandShorthand, MAX_QUESTION_LENGTH, SHORTHAND } from './normalise-query.js';
