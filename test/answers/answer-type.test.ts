import { describe, expect, it } from 'vitest';
import { asksForAge, asksForCount, asksForDuration, asksForFigure, asksForMoney, asksForShare, asksForTime } from '../../src/answers/question-asks.js';
import { countsDirectly, figureNear, holdsAge, holdsAnyFigure, holdsDuration, holdsFigure, holdsMoney, holdsPercent, holdsTime } from '../../src/answers/text-states.js';
import type { Concept } from '../../src/answers/resolve-query.js';

const concept = (terms: string[]): Concept => ({
  text: terms.join(' '),
  alternatives: [{ terms, kind: 'exact', strength: 1 }],
  namelike: false,
  frame: false,
  position: 2,
  precision: 1,
});

describe('questions that want an amount', () => {
  it('recognises them', () => {
    expect(asksForFigure('how many planes does it have')).toBe(true);
    expect(asksForFigure('what percentage of patients')).toBe(true);
    expect(asksForFigure('how does it spread')).toBe(false);
    expect(asksForFigure('how deep is the pit')).toBe(true);
  });

  it('counts figures and number words as amounts, but not years, days of a month, codes or "the two"', () => {
    expect(holdsFigure('it flies 58 aircraft')).toBe(true);
    expect(holdsFigure('nineteen health workers')).toBe(true);
    expect(holdsFigure('in 2027, from December 1, the TVX-21 trial between the two countries')).toBe(false);
  });

  it('finds an amount in a sentence that says what is counted', () => {
    expect(figureNear('Levanta flies 58 Airbus aircraft. It is based in Valencia.', concept(['aircraft']))).toBe(true);
    expect(figureNear('Levanta has three bases. Its aircraft are orange.', concept(['aircraft']))).toBe(false);
  });

  it('tells a question about money from other amounts, and finds money as news writes it', () => {
    expect(asksForMoney('how much did the launch cost')).toBe(true);
    expect(asksForMoney("what's the ceo's salary")).toBe(true);
    expect(asksForMoney('how much rain fell')).toBe(false);
    expect(asksForMoney('did they pay the ransom')).toBe(false);
    expect(holdsMoney('insured losses of C$310 million')).toBe(true);
    expect(holdsMoney('a fine of 40,000 euros')).toBe(true);
    expect(holdsMoney('revenue of €2.3bn')).toBe(true);
    expect(holdsMoney('the party won 42 seats in 2026')).toBe(false);
  });

  it('tells a count counted right before what it counts from one said in the same sentence', () => {
    expect(asksForCount('how many hospitals got hit')).toBe(true);
    expect(asksForCount('how much did shares rise')).toBe(false);
    expect(countsDirectly('The attack knocked out all six hospitals on Saturday.', concept(['hospit']))).toBe(true);
    expect(countsDirectly('One of its four landing legs buckled.', concept(['leg']))).toBe(true);
    expect(countsDirectly('It has hit 31 organisations, most of them hospitals.', concept(['hospit']))).toBe(false);
    expect(countsDirectly('In 2027. Hospitals reopened.', concept(['hospit']))).toBe(false);
  });

  it('finds a length of time as news writes it, not a mere date', () => {
    expect(holdsDuration('after 12 years in power')).toBe(true);
    expect(holdsDuration('a full recovery could take two to three weeks')).toBe(true);
    expect(holdsDuration('in charge since 2014')).toBe(true);
    expect(holdsDuration('a four-day trip')).toBe(true);
    expect(holdsDuration('elected in 2014, on Nov. 12')).toBe(false);
  });

  it('answers a share with a percentage', () => {
    expect(asksForShare('what percentage of confirmed patients die')).toBe(true);
    expect(asksForShare('what proportion of the fleet is grounded')).toBe(true);
    expect(asksForShare('how many patients died')).toBe(false);
    expect(holdsPercent('the fatality rate stands at 7.6 percent')).toBe(true);
    expect(holdsPercent('shares jumped 29.5% in Madrid')).toBe(true);
    expect(holdsPercent('97 deaths since September')).toBe(false);
  });

  it('answers how long with a year or a date as well as an amount', () => {
    expect(asksForDuration('how long has bassani been ceo')).toBe(true);
    expect(asksForDuration('how many planes')).toBe(false);
    expect(holdsAnyFigure('who has led the company since 2021')).toBe(true);
    expect(holdsFigure('who has led the company since 2021')).toBe(false);
    expect(holdsAnyFigure('who has led the company for years')).toBe(false);
  });

  it('answers when with a date or a time, and how old with an age', () => {
    expect(asksForTime('when did the hack start')).toBe(true);
    expect(asksForTime('by when does she want a government')).toBe(true);
    expect(asksForTime('how long did it take')).toBe(false);
    expect(holdsTime('at about 3:40 a.m. on Saturday, Nov. 21')).toBe(true);
    expect(holdsTime('signed just weeks before the invasion')).toBe(true);
    expect(holdsTime('lab results took six hours longer')).toBe(false);
    expect(asksForAge('how old is the forward leader')).toBe(true);
    expect(holdsAge('the party’s 34-year-old leader')).toBe(true);
    expect(holdsAge('Denise Kowalczyk, 58, of Meadville, said')).toBe(true);
    expect(holdsAge('it won 12 seats, 4 more than before')).toBe(false);
  });
});
