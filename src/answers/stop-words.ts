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
  two both one become became becomes came take takes taking took make makes making made come comes coming
  want wants wanted look looks looking dont doesnt didnt isnt arent wasnt werent wont cant hows wheres whos thats theres im ive id`.split(/\s+/u),
);
