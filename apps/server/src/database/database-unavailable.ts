/**
 * PostgreSQL cannot be reached or cannot take work right now, so the same request may succeed later:
 * the connection failed (refused, reset, timed out, or the host has no address while its container
 * restarts), the server is read-only (a failover in progress), is starting, stopping or overloaded
 * (SQLSTATE classes 08 and 53, 57P01–57P03, 25006), or the statement ran out of time (57014, the
 * statement timeout; 25P03, a transaction idle too long; 55P03, a lock not had in time).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (
    typeof code === 'string' &&
    /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|08...|25006|25P03|53...|55P03|57014|57P0[1-3])$/.test(
      code,
    )
  ) {
    return true;
  }
  return error instanceof Error && /Connection terminated|timeout exceeded when trying to connect/.test(error.message);
}
