/**
 * A failure of `npm run export` or `npm run import` that the command reports as it is (no stack): a
 * missing or unreadable archive, a checksum that does not match, a database that is not empty…
 */
export class PortabilityError extends Error {
  override name = 'PortabilityError';
}
