/** A write that broke a unique index (E11000): the `_id` or a unique key already exists. */
export class DuplicateKeyError extends Error {
  override name = 'DuplicateKeyError';
  constructor(
    message: string,
    readonly keyValue: Record<string, unknown> | undefined,
  ) {
    super(message);
  }
}

/** True for the driver's duplicate key error (code 11000), on MongoDB and SecantusDB alike. */
export function isDuplicateKeyError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;
}

/** Runs a write and maps E11000 to a typed {@link DuplicateKeyError}; other errors pass through. */
export async function mapDuplicateKey<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isDuplicateKeyError(err)) {
      const e = err as { message: string; keyValue?: Record<string, unknown> };
      throw new DuplicateKeyError(e.message, e.keyValue);
    }
    throw err;
  }
}
