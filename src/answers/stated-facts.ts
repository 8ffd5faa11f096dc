// What a passage states (money, a percentage, an age, a time, a length of time, a figure), each read once when first
// asked for: a passage is weighed for many questions.
import type { Passage } from '../knowledge/index.js';
import { tokenize, type Token } from '../text/index.js';
import { holdsAge, holdsAnyFigure, holdsDuration, holdsFigure, holdsMoney, holdsPercent, holdsTime } from './text-states.js';

/** What a passage states, each read once when first asked (a passage is weighed for many questions). */
export class StatedFacts {
  private readonly known = new Map<string, boolean>();
  private tokenList?: Token[];

  constructor(readonly text: string) {}

  get tokens(): Token[] {
    return (this.tokenList ??= tokenize(this.text));
  }

  private fact(name: string, read: (text: string) => boolean): boolean {
    let value = this.known.get(name);
    if (value === undefined) this.known.set(name, (value = read(this.text)));
    return value;
  }

  get money(): boolean {
    return this.fact('money', holdsMoney);
  }
  get percent(): boolean {
    return this.fact('percent', holdsPercent);
  }
  get age(): boolean {
    return this.fact('age', holdsAge);
  }
  get time(): boolean {
    return this.fact('time', holdsTime);
  }
  get duration(): boolean {
    return this.fact('duration', holdsDuration);
  }
  get anyFigure(): boolean {
    return this.fact('anyFigure', (text) => holdsAnyFigure(text, this.tokens));
  }
  get figure(): boolean {
    return this.fact('figure', (text) => holdsFigure(text, this.tokens));
  }
}

/** Passages whose stated facts are remembered. */
const FACTS_MEMO_LIMIT = 2_000;

/** The stated facts of passages, made when first needed. */
export class PassageFacts {
  private readonly memo = new Map<Passage, StatedFacts>();

  of(passage: Passage): StatedFacts {
    let known = this.memo.get(passage);
    if (!known) {
      if (this.memo.size >= FACTS_MEMO_LIMIT) this.memo.clear();
      this.memo.set(passage, (known = new StatedFacts(passage.text)));
    }
    return known;
  }
}
