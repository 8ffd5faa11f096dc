import { describe, expect, it } from 'vitest';
import { answerTurns } from '../../src/slack/answer-turns.js';

describe('answer turns', () => {
  it('works out one answer per turn of the event loop: what came in during one answer goes before the next', async () => {
    const turn = answerTurns();
    const seen: string[] = [];
    // Three questions at once; in its turn, each answer leaves work for the event loop (as a request arriving would).
    await Promise.all(
      [1, 2, 3].map(async (i) => {
        await turn();
        seen.push(`answer ${i}`);
        setImmediate(() => seen.push(`work queued during answer ${i}`));
      }),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toEqual(['answer 1', 'work queued during answer 1', 'answer 2', 'work queued during answer 2', 'answer 3', 'work queued during answer 3']);
  });

  it('gives the turns in the order they were asked for, and goes on after a holder fails', async () => {
    const turn = answerTurns();
    const seen: number[] = [];
    const results = await Promise.allSettled(
      [1, 2, 3].map(async (i) => {
        await turn();
        seen.push(i);
        if (i === 2) throw new Error('the engine failed');
      }),
    );
    expect(seen).toEqual([1, 2, 3]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});
