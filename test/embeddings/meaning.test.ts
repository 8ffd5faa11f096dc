// The embeddings port's mechanics against a local OpenAI-compatible server with a small deterministic embedder:
// the request, batching, the vector cache in STATE_DIR and in Redis, the question's timeout, outages, live updates,
// and how the engine uses what it is given.
import { readdirSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAnswerEngine, FUSED_DECISION_DEFAULTS, meaningText, type Meaning } from '../../src/answers/index.js';
import { createEmbeddingsClient, createMeaningService, embeddingsUrl, EmbeddingsUnavailable, type MeaningService } from '../../src/embeddings/index.js';
import { fromDocuments, parseDocument, type Knowledge } from '../../src/knowledge/index.js';
import { createRedisStore } from '../../src/store/redis-store.js';
import { captureLogger } from '../helpers/capture-logger.js';
import { hashedWords, startEmbeddingsServer, type EmbeddingsServer } from '../helpers/embeddings-server.js';
import { redisAvailable, startRedis } from '../helpers/redis-server.js';
import { appendVectors, readVectorFile } from '../../src/embeddings/vector-file.js';
import { tempDir } from '../helpers/temp-dir.js';
import { testLexicon } from '../helpers/lexicon.js';

const lexicon = testLexicon();

const ARTICLE = `Title: Harbour council vote

The harbour council met on Tuesday to discuss the harbour budget and the harbour fees for the coming year.

Three members opposed the cut in the harbour budget, saying the docks needed repairs before winter.

The council will meet again in March to set the fees for visiting boats.
`;
const knowledgeOf = (text: string, file = 'harbour.txt'): Knowledge => fromDocuments([parseDocument(text, file)]);

let server: EmbeddingsServer;
const services: MeaningService[] = [];
beforeAll(async () => {
  server = await startEmbeddingsServer();
});
afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.close()));
  server.delayMs = 0;
  server.requests.length = 0;
});
afterAll(async () => {
  await server.close();
});

async function service(options: { dir?: string; model?: string; store?: Parameters<typeof createMeaningService>[0]['store']; defaults?: Parameters<typeof createMeaningService>[0]['defaults'] } = {}) {
  const logs = captureLogger('info');
  const created = await createMeaningService({
    client: createEmbeddingsClient({ url: server.url, model: options.model ?? 'tiny', apiKey: 'sk-test-key-123' }),
    dir: options.dir ?? tempDir(),
    logger: logs.logger,
    ...(options.store ? { store: options.store } : {}),
    defaults: { batchSize: 2, retryAfterMs: 200, ...options.defaults },
  });
  services.push(created);
  return { meaning: created, logs };
}

describe('the embeddings client', () => {
  it('posts the model and the texts with the key, and gives unit vectors in order', async () => {
    const client = createEmbeddingsClient({ url: server.url, model: 'tiny', apiKey: 'sk-test-key-123' });
    const [a, b] = await client.embed(['harbour budget', 'visiting boats'], 2_000);
    expect(server.requests).toEqual([{ model: 'tiny', input: ['harbour budget', 'visiting boats'], authorization: 'Bearer sk-test-key-123' }]);
    const norm = (v: Float32Array): number => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
    expect(norm(a as Float32Array)).toBeCloseTo(1, 5);
    expect(norm(b as Float32Array)).toBeCloseTo(1, 5);
  });

  it('takes the endpoint or its base', () => {
    expect(embeddingsUrl('http://localhost:11434/v1')).toBe('http://localhost:11434/v1/embeddings');
    expect(embeddingsUrl('http://localhost:11434/v1/')).toBe('http://localhost:11434/v1/embeddings');
    expect(embeddingsUrl('https://api.example.com/v1/embeddings')).toBe('https://api.example.com/v1/embeddings');
  });

  it('says in one line what went wrong: a wrong path, a timeout, nothing listening', async () => {
    const wrong = createEmbeddingsClient({ url: `http://127.0.0.1:${server.port}/api`, model: 'tiny' });
    await expect(wrong.embed(['x'], 2_000)).rejects.toThrow(/answered 404.*EMBEDDINGS_URL should end in \/v1/u);
    server.delayMs = 500;
    const client = createEmbeddingsClient({ url: server.url, model: 'tiny' });
    await expect(client.embed(['x'], 50)).rejects.toThrow(new EmbeddingsUnavailable('no answer within 50 ms'));
    const nobody = await startEmbeddingsServer();
    await nobody.close();
    await expect(createEmbeddingsClient({ url: nobody.url, model: 'tiny' }).embed(['x'], 2_000)).rejects.toThrow(/could not reach 127\.0\.0\.1:\d+ \(ECONNREFUSED\)/u);
  });
});

describe('the embeddings client, on answers it must not trust', () => {
  it('refuses an answer with two vectors for one text, and blots a key the endpoint echoes', async () => {
    const twice = await startEmbeddingsServer(() => [[1, 0], [0, 1]]);
    const echo = await startEmbeddingsServer(() => {
      throw Object.assign(new Error('bad key sk-echoed-key-999 for this model'), { status: 401 });
    });
    try {
      await expect(createEmbeddingsClient({ url: twice.url, model: 'm' }).embed(['a', 'b', 'c'], 2_000)).rejects.toThrow(/held 2 vectors for 3 texts/u);
      const failure = await createEmbeddingsClient({ url: echo.url, model: 'm', apiKey: 'sk-echoed-key-999' }).embed(['a'], 2_000).catch((e: Error) => e);
      expect((failure as Error).message).toBe('embeddings: the endpoint answered 401: bad key [key] for this model');
    } finally {
      await twice.close();
      await echo.close();
    }
  });
});

describe('the vector file', () => {
  it('keeps every whole record and cuts a torn last one', async () => {
    const dir = tempDir();
    const file = join(dir, 'm.vectors');
    await appendVectors(file, dir, [['00112233445566778899aabbccddeeff', Float32Array.from([0.5, -0.25])], ['ffeeddccbbaa99887766554433221100', Float32Array.from([1, 0])]]);
    const whole = statSync(file).size;
    truncateSync(file, whole - 3);
    const read = await readVectorFile(file);
    expect([...read.keys()]).toEqual(['00112233445566778899aabbccddeeff']);
    expect([...(read.get('00112233445566778899aabbccddeeff') as Float32Array)]).toEqual([0.5, -0.25]);
    expect(statSync(file).size).toBe(whole / 2);
  });
});

describe('the meaning service', () => {
  it('embeds the passages in batches, once: a restart reads them from STATE_DIR, another model embeds its own', async () => {
    const dir = tempDir();
    const knowledge = knowledgeOf(ARTICLE);
    const first = await service({ dir });
    await first.meaning.follow(knowledge);
    expect(server.requests.map((r) => r.input.length)).toEqual([2, 1]);
    expect(knowledge.passages.every((p) => first.meaning.passage(p) !== undefined)).toBe(true);
    server.requests.length = 0;

    const again = await service({ dir });
    await again.meaning.follow(knowledge);
    expect(server.requests).toEqual([]);
    expect(again.meaning.passage(knowledge.passages[1] as never)).toEqual(first.meaning.passage(knowledge.passages[1] as never));

    const other = await service({ dir, model: 'other' });
    await other.meaning.follow(knowledge);
    expect(server.requests.flatMap((r) => r.input)).toHaveLength(3);
    expect(readdirSync(dir).filter((f) => f.endsWith('.vectors'))).toHaveLength(2);
  });

  it('weighs a passage the endpoint refuses without its embedding, and embeds the others', async () => {
    const picky = await startEmbeddingsServer(async (texts) => {
      if (texts.some((t) => t.includes('repairs'))) throw Object.assign(new Error('input too long'), { status: 413 });
      return hashedWords(64)(texts);
    });
    try {
      const logs = captureLogger('info');
      const meaning = await createMeaningService({ client: createEmbeddingsClient({ url: picky.url, model: 'tiny' }), dir: tempDir(), logger: logs.logger, defaults: { batchSize: 3 } });
      services.push(meaning);
      const knowledge = knowledgeOf(ARTICLE);
      await meaning.follow(knowledge);
      const [first, refused, third] = knowledge.passages.map((p) => meaning.passage(p));
      expect(first?.length).toBe(64);
      expect(third?.length).toBe(64);
      expect(refused?.length).toBe(0);
      expect(meaning.up).toBe(true);
      expect(logs.lines.filter((l) => l.msg === 'the endpoint refused a passage: it is weighed without its embedding')).toHaveLength(1);
      // The fused decision still decides: the refused passage's similarity counts as 0.
      await meaning.prepare('harbour budget');
      expect(createAnswerEngine(knowledge, { lexicon, meaning, cacheSize: 0 }).answer('harbour budget').byMeaning).toBe(true);
    } finally {
      await picky.close();
    }
  });

  it('forgets the vectors of retired passages, and writes the file anew when most of it is dead', async () => {
    const dir = tempDir();
    const { meaning } = await service({ dir, defaults: { batchSize: 32, compactAbove: 2 } });
    const old = knowledgeOf(ARTICLE);
    await meaning.follow(old);
    const retiredVector = meaning.passage(old.passages[0] as never);
    expect(retiredVector).toBeDefined();
    const replaced = knowledgeOf('Title: Ferry\n\nA new ferry terminal opens in May.\n', 'ferry.txt');
    await meaning.follow(replaced);
    expect(meaning.passage(old.passages[0] as never)).toBeUndefined();
    const saved = await readVectorFile(readdirSync(dir).map((f) => join(dir, f)).find((f) => f.endsWith('.vectors')) as string);
    expect(saved.size).toBe(1);
  });

  it('stops a long pass at shutdown instead of waiting for it', async () => {
    const { meaning } = await service({ defaults: { batchSize: 1 } });
    server.delayMs = 300;
    const many = knowledgeOf(`Title: Many\n\n${Array.from({ length: 40 }, (_, i) => `Paragraph number ${i} about the harbour.`).join('\n\n')}\n`);
    void meaning.follow(many);
    await new Promise((r) => setTimeout(r, 100));
    const started = performance.now();
    await meaning.close();
    // Far below the 12 s the 40 requests would take; the bound is the request under way (and closeWaitMs).
    expect(performance.now() - started).toBeLessThan(3_000);
    const sent = server.requests.length;
    await new Promise((r) => setTimeout(r, 700));
    expect(server.requests.length).toBeLessThanOrEqual(sent + 1);
  });

  it('embeds only what a live update adds', async () => {
    const { meaning } = await service();
    await meaning.follow(knowledgeOf(ARTICLE));
    server.requests.length = 0;
    await meaning.follow(knowledgeOf(`${ARTICLE}\nA new ferry terminal opens in May, the council said.\n`));
    expect(server.requests.flatMap((r) => r.input)).toEqual(['A new ferry terminal opens in May, the council said.']);
  });

  it('asks once for a question asked again', async () => {
    const { meaning } = await service();
    expect(await meaning.prepare('who opposed the cut?')).toBe(true);
    expect(await meaning.prepare('who opposed the cut?')).toBe(true);
    expect(server.requests).toHaveLength(1);
    expect(meaning.question(meaningText('who opposed the cut?'))).toBeInstanceOf(Float32Array);
  });

  it('answers lexically through an outage, says so once, and returns to the model when it is back', async () => {
    const knowledge = knowledgeOf(ARTICLE);
    const { meaning, logs } = await service();
    await meaning.follow(knowledge);
    const engine = createAnswerEngine(knowledge, { lexicon, meaning, cacheSize: 0 });
    const ask = async (q: string) => {
      await meaning.prepare(q);
      return engine.answer(q);
    };
    expect((await ask('who opposed the budget cut')).byMeaning).toBe(true);

    await server.stop();
    const during = await Promise.all(['who voted against it', 'when does the council meet again', 'what needs repairs', 'fees for boats'].map(ask));
    expect(during.map((a) => a.byMeaning)).toEqual([undefined, undefined, undefined, undefined]);
    expect(during.every((a) => a.question.length > 0)).toBe(true);
    const warnings = () => logs.lines.filter((l) => l.level === 40 && String(l.msg).startsWith('embeddings endpoint unavailable'));
    expect(warnings()).toHaveLength(1);
    expect(logs.raw()).not.toContain('sk-test-key-123');

    await server.restart();
    // While down, the endpoint is tried behind the answers after retryAfterMs; the first success brings it back.
    let back = false;
    for (let i = 0; i < 60 && !back; i += 1) {
      await new Promise((r) => setTimeout(r, 50));
      back = (await ask('what needs repairs before winter')).byMeaning === true;
    }
    expect(back).toBe(true);
    expect(warnings()).toHaveLength(1);
    expect(logs.lines.filter((l) => l.msg === 'embeddings endpoint back: answers use the model again')).toHaveLength(1);
  });

  it('does not keep a question waiting on a slow endpoint', async () => {
    const { meaning } = await service({ defaults: { questionTimeoutMs: 100 } });
    server.delayMs = 3_000;
    const started = performance.now();
    expect(await meaning.prepare('who opposed the cut')).toBe(false);
    // The bound is the question's timeout; the margin is for a busy machine, far below the endpoint's 3 s.
    expect(performance.now() - started).toBeLessThan(2_000);
    // A second failure in a row makes an outage: from then on a question does not wait at all.
    expect(await meaning.prepare('when is the next meeting')).toBe(false);
    expect(meaning.up).toBe(false);
    server.requests.length = 0;
    expect(await meaning.prepare('what needs repairs')).toBe(false);
    expect(server.requests).toEqual([]);
  });

  it('embeds passages the endpoint missed once it answers again (live knowledge during an outage)', async () => {
    const { meaning } = await service();
    await server.stop();
    const knowledge = knowledgeOf(ARTICLE);
    await meaning.follow(knowledge);
    expect(knowledge.passages.some((p) => meaning.passage(p) !== undefined)).toBe(false);
    await server.restart();
    for (let i = 0; i < 60 && !knowledge.passages.every((p) => meaning.passage(p)); i += 1) await new Promise((r) => setTimeout(r, 50));
    expect(knowledge.passages.every((p) => meaning.passage(p) !== undefined)).toBe(true);
  });
});

describe.skipIf(!redisAvailable())('passage vectors shared through Redis', () => {
  it('a second replica takes the first one’s vectors from the store instead of the endpoint', async () => {
    const redis = await startRedis();
    const logs = captureLogger('warn');
    const storeA = createRedisStore(redis.url, logs.logger);
    const storeB = createRedisStore(redis.url, logs.logger);
    try {
      await storeA.ready(5_000);
      await storeB.ready(5_000);
      const knowledge = knowledgeOf(ARTICLE);
      await (await service({ store: storeA })).meaning.follow(knowledge);
      server.requests.length = 0;
      const { meaning } = await service({ store: storeB });
      await meaning.follow(knowledge);
      expect(server.requests).toEqual([]);
      expect(knowledge.passages.every((p) => meaning.passage(p) !== undefined)).toBe(true);
    } finally {
      await storeA.close();
      await storeB.close();
      await redis.stop();
    }
  });
});

describe('the engine with meaning', () => {
  const knowledge = knowledgeOf(ARTICLE);
  const [meeting, opposed] = knowledge.passages;
  const unit = (i: number): Float32Array => Float32Array.from({ length: 4 }, (_, d) => (d === i ? 1 : 0));
  // The question means what the second paragraph says; the first holds more of its words.
  const meaningWith = (vectors: Map<string, Float32Array>): Meaning => ({
    question: (text) => (text.includes('harbour budget fees') ? unit(0) : undefined),
    passage: (p) => vectors.get(p.id),
  });
  const all = new Map(knowledge.passages.map((p, i) => [p.id, p === opposed ? unit(0) : unit(1 + (i % 3))]));
  const heavy = { ...FUSED_DECISION_DEFAULTS, weights: { ...FUSED_DECISION_DEFAULTS.weights, meaningLead: 30 } };

  it('lifts the passage that means the question over the one that holds its words', () => {
    const lexical = createAnswerEngine(knowledge, { lexicon, cacheSize: 0 }).explain('harbour budget fees');
    expect(lexical.decision.ranked[0]?.candidate.passage.id).toBe(meeting?.id);
    const fused = createAnswerEngine(knowledge, { lexicon, meaning: meaningWith(all), fusedDecision: heavy, cacheSize: 0 }).explain('harbour budget fees');
    expect(fused.answer.byMeaning).toBe(true);
    expect(fused.decision.ranked[0]?.candidate.passage.id).toBe(opposed?.id);
    expect(fused.decision.ranked[0]?.candidate.features.meaning).toBeCloseTo(1, 5);
  });

  it('decides lexically while a candidate has no vector yet, or the question has none', () => {
    const partial = new Map(all);
    partial.delete(meeting?.id as string);
    const engine = createAnswerEngine(knowledge, { lexicon, meaning: meaningWith(partial), fusedDecision: heavy, cacheSize: 0 });
    const waiting = engine.explain('harbour budget fees');
    expect(waiting.answer.byMeaning).toBeUndefined();
    expect(waiting.decision.ranked[0]?.candidate.passage.id).toBe(meeting?.id);
    expect(engine.explain('visiting boats').answer.byMeaning).toBeUndefined();
  });

  it('remembers a fused answer apart from a lexical one', () => {
    const vectors = new Map<string, Float32Array>();
    const engine = createAnswerEngine(knowledge, { lexicon, meaning: meaningWith(vectors), fusedDecision: heavy });
    expect(engine.answer('harbour budget fees').byMeaning).toBeUndefined();
    for (const [id, v] of all) vectors.set(id, v);
    expect(engine.answer('harbour budget fees').byMeaning).toBe(true);
  });
});
