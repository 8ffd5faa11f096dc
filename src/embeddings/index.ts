// The team's own embedding model (`EMBEDDINGS_URL`): a client for its endpoint, and the service that keeps passage
// and question vectors at hand for the answer engine.
export { createEmbeddingsClient, embeddingsUrl, EmbeddingsUnavailable, type EmbeddingsClient, type EmbeddingsEndpoint } from './embeddings-client.js';
export { EMBEDDINGS_DEFAULTS, type EmbeddingsDefaults } from './embeddings-defaults.js';
export { createMeaningService, type MeaningService, type MeaningServiceOptions } from './meaning-service.js';
