// Why the desk could not do what an editor asked, in one line they can act on.

/** An add or remove that could not be done; `message` is one short line for the editor. */
export class DeskError extends Error {
  override name = 'DeskError';
}
