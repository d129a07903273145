import {
  MongoError,
  MongoErrorLabel,
  MongoNetworkError,
  MongoNotConnectedError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
} from 'mongodb';

/** Labels the driver puts on errors of a connection or a server that went away, not of the request. */
const TRANSIENT_LABELS = [
  MongoErrorLabel.RetryableWriteError,
  MongoErrorLabel.ResetPool,
  MongoErrorLabel.SystemOverloadedError,
] as const;

/** Node's codes for a connection the other side closed or refused. */
const SOCKET_GONE_CODES = new Set(['EPIPE', 'ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'ENOTCONN']);

/**
 * Driver errors that mean the database cannot be reached right now (not a bad request): the
 * connection or the server went away (network, pool, topology, selection), or the driver labelled
 * the error as one a retry may cure.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (
    err instanceof MongoNetworkError ||
    err instanceof MongoServerSelectionError ||
    err instanceof MongoNotConnectedError ||
    err instanceof MongoTopologyClosedError
  ) {
    return true;
  }
  if (err instanceof MongoError && TRANSIENT_LABELS.some((label) => err.hasErrorLabel(label))) return true;
  // The driver lets a socket error through unwrapped when the engine dies while a command is written.
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && SOCKET_GONE_CODES.has(code)) return true;
  // a bulk write (the desk tallies) wraps the network error that cut it off in `errorResponse`
  const wrapped = (err as { errorResponse?: unknown; cause?: unknown } | null) ?? {};
  for (const inner of [wrapped.errorResponse, wrapped.cause]) {
    if (inner && inner !== err && typeof inner === 'object' && isDatabaseUnavailable(inner)) return true;
  }
  const name = (err as { name?: string } | null)?.name ?? '';
  return /PoolCleared|PoolClosed|ServerClosed|ClientClosed|OperationTimeout|ServerSelection|NetworkError|NotConnected/.test(
    name,
  );
}
