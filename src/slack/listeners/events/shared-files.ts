// Files shared with the bot in a DM: each one downloaded from Slack, read as an article and added by the desk; the
// result (or the reason it could not be) is the bot's reply in the DM.
import type { AllMiddlewareArgs, SayFn } from '@slack/bolt';
import { addedMessage, deskRefusedMessage, notAllowedMessage } from '../../format/desk-message.js';
import { forWebApi } from '../../format/web-api-message.js';
import { downloadSharedFile, DownloadFailed, type SharedFile } from '../../download-file.js';
import { refusal } from '../desk-refusal.js';
import type { ListenerDeps } from '../deps.js';

/** Most files of one message taken. */
export const MAX_FILES_PER_MESSAGE = 5;

/** Adds each file of a `file_share` DM from `user`, replying in the DM once per file. */
export async function addSharedFiles(
  deps: ListenerDeps,
  { files, user, threadTs }: { files: readonly SharedFile[]; user: string; threadTs?: string },
  { say, client, context }: { say: SayFn } & Pick<AllMiddlewareArgs, 'client' | 'context'>,
): Promise<void> {
  const reply = async (message: ReturnType<typeof notAllowedMessage>): Promise<void> => void (await say({ ...forWebApi(message), ...(threadTs ? { thread_ts: threadTs } : {}) }));
  if (deps.editors && !deps.editors.includes(user)) {
    context.log?.info({ user, files: files.length }, 'shared file refused: not an editor');
    return reply(notAllowedMessage());
  }
  const desk = deps.desk;
  if (!desk) return;
  for (const file of files.slice(0, MAX_FILES_PER_MESSAGE)) {
    const what = `add ${file.name ?? 'that file'}`;
    try {
      const downloaded = await downloadSharedFile(file, client, context.botToken ?? '', { apiUrl: client.slackApiUrl, ...(deps.fetchFile ? { fetch: deps.fetchFile } : {}) });
      context.log?.info({ user, file: downloaded.name, bytes: downloaded.bytes.byteLength }, 'shared file received');
      await reply(await desk.addFile(downloaded, { user }).then(addedMessage, (error: unknown) => refusal(error, what)));
    } catch (error) {
      if (!(error instanceof DownloadFailed)) throw error;
      context.log?.warn({ user, file: file.id, reason: error.message }, 'shared file could not be downloaded');
      await reply(deskRefusedMessage(what, error.message));
    }
  }
}
