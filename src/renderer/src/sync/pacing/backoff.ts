// Retry delays: exponential with full jitter, so many clients retrying at once do not stampede the server.

/** Delay before retry number `attempt` (0-based): a random share of `baseMs * 2^attempt`, capped. */
export function backoffMs(attempt: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** attempt)
  // Half fixed, half random: never retries instantly, still spreads clients apart.
  return Math.round(ceiling / 2 + (random() * ceiling) / 2)
}
