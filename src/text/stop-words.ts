// Words that frame a question rather than say what it is about; they are never searched.

/** Lower-case stop words: English function words plus the verbs and nouns people use to ask. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any anything anyway are aren around as ask asked at be
  because been before being below between both but by can cannot could couldn did didn do does doesn doing don
  done down during each either else etc ever every few for from further get gets getting give go goes going gone
  got had hadn has hasn have haven having he her here hers herself him himself his how however i if in into is isn
  it its itself just know let like ll me might mine more most much must my myself need no nor not now of off on
  once only or other others otherwise our ours ourselves out over own please re really s same say said says see
  seem shall she should shouldn so some something such t tell than thanks thank that the their theirs them
  themselves then there these they thing things think this those though through thus to too under until up upon
  us ve very was wasn way we were weren what whats what's when where whether which while who whom whose why will
  with won would wouldn yes yet you your yours yourself yourselves hi hello hey hiya bot briefing article story
  news explain describe mean means meant happen happened happening happens summary summarize summarise info
  information details detail anyone someone somebody exactly actually currently right now okay ok pls plz
  stance position view views opinion opinions think thinks thought feel feels regarding regard re wrt
  toward towards within without across along among amongst behind beyond onto via per since till unto versus vs
  both one become became becomes came take takes taking took make makes making made come comes coming
  want wants wanted look looks looking dont doesnt didnt isnt arent wasnt werent wont cant hows wheres whos thats theres im ive id
  hw wht wat wut wot put puts putting gonna wanna gotta kinda sorta ya yeah yep nope u ur thx btw fyi lol`.split(/\s+/u),
);

/**
 * Words by which a message speaks to or about the people where it is posted (I, we, you, anyone): a question about a
 * news article rarely needs them; a colleague's message usually does.
 */
export const PERSONAL_WORDS: ReadonlySet<string> = new Set(
  `i me my mine myself we us our ours ourselves you your yours yourself yourselves anyone anybody everyone everybody
  someone somebody y'all yall u ur im i'm ive i've i'd we're we've you're youre`.split(/\s+/u),
);

/**
 * Words that frame a question without saying what it is about (`latest`, `today`, `another`). They are searched, so
 * they can tip a tie, but they neither count towards a question's coverage nor match a passage on their own.
 */
export const FRAME_WORDS: ReadonlySet<string> = new Set(
  `another new newest latest recent recently today tonight yesterday tomorrow currently still already anymore even main
  key major big biggest overall exact exactly specific specifically kind kinds type types sort sorts lot lots bit
  stuff everything everyone whole general generally basically overview update updates total entire stand
  monday tuesday wednesday thursday friday saturday sunday weekend weekends tonight morning afternoon evening`.split(/\s+/u),
);

/** Two-word phrases that place a question in time (`so far`, `right now`, `this week`): both words frame it. */
export const FRAME_PHRASES: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries({ far: 'so thus', date: 'to', now: 'right until up', present: 'at', moment: 'at', days: 'these', week: 'this', month: 'this', year: 'this', yet: 'as', point: 'this' })
    .map(([second, firsts]) => [second, new Set(firsts.split(' '))]),
);

/** Words that frame a question right after "how" (`how many`, `how long`, `how often`). */
export const FRAME_AFTER_HOW: ReadonlySet<string> = new Set(
  'many much long often far old big large soon quickly fast high low close times'.split(' '),
);

/** Number words read as figures, so `two doses` finds `2 doses` (and `nineteen` finds `19`). */
export const NUMBER_WORDS: ReadonlyMap<string, string> = new Map(
  `two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen
  eighteen nineteen twenty`.split(/\s+/u).map((word, i) => [word, String(i + 2)]),
);

/** Shortest word read as a slip of a function word (`sholud`, `anyne`, `whtas`): shorter ones are too easily a name. */
const MIN_SLIP_LENGTH = 4;
/** Shortest word read as a function word with one letter changed (`wgere`): a changed letter in a shorter one is a name as often. */
const MIN_CHANGED_LENGTH = 5;
const SLIP_TARGETS = [...STOP_WORDS, ...FRAME_WORDS].filter((w) => w.length >= MIN_SLIP_LENGTH - 1 && /^[a-z]+$/u.test(w));

/**
 * Whether `folded` (a word no dictionary knows) is a stop word typed with a slip: a letter dropped (durng, thnk), two
 * swapped (sholud), a letter doubled (whaats), or, in a longer word, one changed. A letter added that is not a double
 * is not read as a slip: "boeing" is a name, not "being".
 */
export function isStopWordSlip(folded: string): boolean {
  return folded.length >= MIN_SLIP_LENGTH && SLIP_TARGETS.some((w) => slipOf(folded, w));
}

// Whether `typed` is `word` with one slip of the kinds above.
function slipOf(typed: string, word: string): boolean {
  if (typed === word || Math.abs(typed.length - word.length) > 1) return false;
  let i = 0;
  while (i < typed.length && i < word.length && typed[i] === word[i]) i += 1;
  if (typed.length === word.length) {
    const swapped = typed[i] === word[i + 1] && typed[i + 1] === word[i] && typed.slice(i + 2) === word.slice(i + 2);
    return swapped || (typed.length >= MIN_CHANGED_LENGTH && typed.slice(i + 1) === word.slice(i + 1));
  }
  // One letter dropped, or one doubled.
  if (typed.length < word.length) return typed.slice(i) === word.slice(i + 1);
  return typed.slice(i + 1) === word.slice(i) && typed[i] === typed[i - 1];
}
