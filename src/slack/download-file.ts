// Downloads a file someone shared with the bot, from Slack's file host with the bot token: bounded in size and time,
// sent only to Slack (the token never goes anywhere else), and a login page taken for what it is.
import type { webApi } from '@slack/bolt';
import { readAtMost, type BodyStream } from '../fetch/index.js';

/** A file of a `file_share` message, as Slack sends it (or as `files.info` completes it). */
export interface SharedFile {
  id: string;
  name?: string;
  mimetype?: string;
  filetype?: string;
  size?: number;
  url_private_download?: string;
  mode?: string;
  file_access?: string;
}

/** Limits of a download. */
export const DOWNLOAD_LIMITS = { maxBytes: 5 * 1_048_576, timeoutMs: 10_000 };

/** A download that could not be made; `message` is one line for the person who shared the file. */
export class DownloadFailed extends Error {
  override name = 'DownloadFailed';
}

/**
 * The file's bytes. `apiUrl` is the Web API base the app was given (a local Slack in tests, the console): its host may
 * serve files too; `fetch` is how (the console's reads them from disk).
 * @throws DownloadFailed
 */
export async function downloadSharedFile(
  file: SharedFile,
  client: webApi.WebClient,
  token: string,
  { apiUrl, fetch = globalThis.fetch }: { apiUrl?: string; fetch?: typeof globalThis.fetch } = {},
): Promise<{ name: string; bytes: Uint8Array; contentType?: string }> {
  let shared = file;
  if (!shared.url_private_download || shared.file_access === 'check_file_info') {
    const info = await client.files.info({ file: file.id }).catch(() => undefined);
    shared = { ...shared, ...((info?.file as SharedFile | undefined) ?? {}) };
  }
  const url = shared.url_private_download;
  const name = shared.name ?? file.id;
  if (!url) throw new DownloadFailed('Slack did not give me the file (does the app have the files:read scope? Reinstall it after adding it)');
  if (!isSlackHost(url, apiUrl)) throw new DownloadFailed('the file is not on Slack’s file host');
  if ((shared.size ?? 0) > DOWNLOAD_LIMITS.maxBytes) throw new DownloadFailed(`the file is larger than ${DOWNLOAD_LIMITS.maxBytes / 1_048_576} MB`);
  let response: Response;
  try {
    // A redirect to another host does not carry the token (fetch drops it across origins).
    response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(DOWNLOAD_LIMITS.timeoutMs) });
  } catch {
    throw new DownloadFailed('could not download the file from Slack');
  }
  if (!response.ok) throw new DownloadFailed(`the file could not be downloaded (HTTP ${response.status})`);
  const type = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  // Without a working token, Slack answers with its sign-in page instead of the file.
  if (type === 'text/html' && shared.filetype !== 'html' && !/\.html?$/iu.test(name)) throw new DownloadFailed('Slack sent a sign-in page instead of the file (does the app have the files:read scope?)');
  const bytes = await readBounded(response);
  const contentType = shared.mimetype ?? type;
  return { name, bytes, ...(contentType ? { contentType } : {}) };
}

// Slack's own hosts, or the host of the Web API the app was pointed at (SLACK_API_URL).
function isSlackHost(url: string, apiUrl: string | undefined): boolean {
  try {
    const { protocol, host, hostname } = new URL(url);
    if (apiUrl && host === new URL(apiUrl).host && protocol === new URL(apiUrl).protocol) return true;
    return protocol === 'https:' && (hostname === 'slack.com' || hostname.endsWith('.slack.com') || hostname.endsWith('.slack-edge.com'));
  } catch {
    return false;
  }
}

async function readBounded(response: Response): Promise<Uint8Array> {
  const tooLarge = new DownloadFailed(`the file is larger than ${DOWNLOAD_LIMITS.maxBytes / 1_048_576} MB`);
  let bytes: Buffer | undefined;
  try {
    bytes = await readAtMost(response.body as BodyStream | null, DOWNLOAD_LIMITS.maxBytes);
  } catch {
    throw new DownloadFailed('could not download the file from Slack');
  }
  if (!bytes) throw tooLarge;
  return new Uint8Array(bytes);
}
