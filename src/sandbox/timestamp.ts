// Formats instants the way the Laravel-backed API does: ISO 8601, UTC, six fractional digits.

/** `2026-03-04T10:00:00.000000Z`: JavaScript has milliseconds, so the last three digits are zero. */
export const toApiTimestamp = (epochMs: number): string => new Date(epochMs).toISOString().replace(/Z$/, '000Z')
