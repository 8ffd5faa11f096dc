// The child side of extractApart: reads one page or file (JSON on standard input, its bytes in base64) and writes
// the article, or the one-line reason there is none, as the last line of standard output.
import { extractArticle, type ExtractInput } from './extract-article.js';
import { ExtractError } from './extract-error.js';

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const { bytes, ...rest } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Omit<ExtractInput, 'bytes'> & { bytes: string };
const input: ExtractInput = { ...rest, bytes: new Uint8Array(Buffer.from(bytes, 'base64')) };
const result = await extractArticle(input).then(
  (article) => ({ ok: true, article }),
  (error: unknown) => ({ ok: false, reason: error instanceof ExtractError ? error.message : undefined }),
);
process.stdout.write(`\n${JSON.stringify(result)}\n`);
