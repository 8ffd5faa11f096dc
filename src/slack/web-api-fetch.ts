// How the Web API client reaches Slack: undici with connect, header and body timeouts set once on its connection
// pool, so a stuck call fails without a per-call AbortSignal and timer. The signal the client would otherwise create
// for every call (its `timeout` option) cost about a tenth of the CPU per reply under load (see bench/http-path.ts).
import { Agent, fetch as undiciFetch } from 'undici';

/** A `fetch` for the Web API client and `respond()`: a call gives up when Slack is silent for `timeoutMs`. */
export function webApiFetch(timeoutMs: number): typeof fetch {
  const dispatcher = new Agent({ connect: { timeout: timeoutMs }, headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
  // undici's own Request and Response types differ from the DOM's only in their declarations.
  return ((input: Parameters<typeof fetch>[0], init?: RequestInit) => undiciFetch(input as never, { ...(init as object), dispatcher })) as unknown as typeof fetch;
}
