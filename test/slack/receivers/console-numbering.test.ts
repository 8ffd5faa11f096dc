// Each console numbers what it sends and what it posts on its own: a second console in the process starts at 1 too.
import { describe, expect, it } from 'vitest';
import { CONSOLE_API_URL, consoleFetch } from '../../../src/slack/receivers/console/console-fetch.js';
import { consolePayloads, eventTs } from '../../../src/slack/receivers/console/payloads.js';

describe('the console’s numbering', () => {
  it('numbers each console’s payloads from 1, in the order they are made', () => {
    const first = consolePayloads();
    expect(eventTs(first.mention('one'))).toBe('1700000001.000100');
    expect(first.command('/briefing', 'help')).toMatchObject({ trigger_id: 'console.2' });
    expect(first.assistantStarted().threadTs).toBe('1700000003.000100');
    const second = consolePayloads();
    expect(second.mention('one')).toMatchObject({ event_id: 'EvConsole1', event: { ts: '1700000001.000100' } });
  });

  it('gives each console’s posts their own ts sequence', async () => {
    const post = async (fetch: typeof globalThis.fetch): Promise<unknown> =>
      (await fetch(`${CONSOLE_API_URL}chat.postMessage`, { method: 'POST', body: new URLSearchParams({ channel: 'C0CONSOLE', text: 'hi' }) })).json();
    const first = consoleFetch(() => undefined);
    expect(await post(first)).toMatchObject({ ts: '1700000000.000001' });
    expect(await post(first)).toMatchObject({ ts: '1700000000.000002' });
    expect(await post(consoleFetch(() => undefined))).toMatchObject({ ts: '1700000000.000001' });
  });
});
