/**
 * Whether an error means the connection to PostgreSQL was lost or refused (the server
 * restarting, a network cut, a failover) rather than anything about the request. Such a
 * request may be retried as it is: the caller is told 503 with Retry-After, not 500.
 * A transaction cut before COMMIT was rolled back; one cut during COMMIT may have
 * committed, which is why retried writes carry an Idempotency-Key.
 */
export function isConnectionLost(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    // SQLSTATE class 08 (connection exception); 57P01–57P03: the server shutting down,
    // crashed, or not accepting connections yet.
    if (/^08[0-9A-Z]{3}$/.test(code) || /^57P0[123]$/.test(code)) return true;
    if (['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH'].includes(code))
      return true;
  }
  return (
    typeof message === 'string' &&
    /^(Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect)/.test(
      message,
    )
  );
}
