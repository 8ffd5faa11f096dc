// The named signals the decision weighs for each candidate passage: how much of the question it holds and how, how it
// stands against the other candidates, and what the question asks that the knowledge does not have.

/** Every feature of a candidate, each a number (most in [0, 1]). The decision's weights are named after them. */
export const FEATURE_NAMES = [
  'passageCoverage',
  'ordinaryCoverage',
  'missedWords',
  'literalCoverage',
  'looseShare',
  'rarestHeld',
  'documentBehind',
  'margin',
  'closeness',
  'similarity',
  'documentSimilarity',
  'unvectored',
  'softCredit',
  'typeFit',
  'typeExact',
  'typeMiss',
  'faqMatch',
  'unknownName',
  'oneWord',
  'personal',
  'firstRanked',
  'meaning',
  'meaningLead',
] as const;

/** One feature's name. */
export type FeatureName = (typeof FEATURE_NAMES)[number];

/** A candidate's features by name. */
export type Features = Record<FeatureName, number>;

/** What each feature measures (for `--explain`, the README and the fit's report). */
export const FEATURE_DESCRIPTIONS: Readonly<Record<FeatureName, string>> = {
  passageCoverage: "share of the question's weight the passage holds by itself (a synonym or a typo in part, a loose relative half)",
  ordinaryCoverage: "share of the weight of the question's ordinary words (not names) the passage holds: what is asked, beside who",
  missedWords: "the question's ordinary words the passage holds in no form (0 to 3)",
  literalCoverage: "share of the question's weight the passage holds through the words themselves or their word family",
  looseShare: 'share of what the passage holds that it holds only through loose relatives (broader, narrower, similar, used alike)',
  rarestHeld: "how rare in English the rarest question word the passage holds is (0: among the commonest; 1: rarer than the 60,000 commonest, or a name)",
  documentBehind: 'how far the article covers less of the question than the article that covers it best (0 for the best)',
  margin: "lead of the passage's score over the best other candidate's (negative when behind), a share of the larger",
  closeness: "how close together the passage holds the question's words (1: side by side)",
  similarity: "cosine of the question's and the passage's mean word vectors (how alike their words are used)",
  documentSimilarity: "cosine of the question's and the whole article's mean word vectors (is the question about what the article is about)",
  unvectored: 'no word of the question has a word vector (names, acronyms): the two similarities say nothing',
  softCredit: "share of the question's weight the passage says in words used alike (GloVe), beyond what it holds",
  typeFit: 'the question asks for a kind of answer (an amount, money, a time, an age) and the passage states one',
  typeExact: 'it states it the way the question asks (a count right before what it counts, a length of time, a percentage)',
  typeMiss: 'the question asks for a kind of answer the passage does not state',
  faqMatch: "an FAQ entry whose question and the asker's cover each other: the smaller of the two shares",
  unknownName: 'the question names something (typed as a name or figure, or no ordinary word) that the article never mentions',
  oneWord: 'the question has a single content word',
  personal: 'the message speaks to or about the people where it is posted (I, we, you, anyone), as colleagues do',
  firstRanked: "the passage is the search's first (by score, closeness and word similarity)",
  meaning: "cosine of the question's and the passage's embeddings from the team's model (0 without one: see EMBEDDINGS_URL)",
  meaningLead: "the passage's embedding cosine minus the best other candidate's (negative when another is closer in meaning)",
};
