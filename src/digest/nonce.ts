import { createHash } from "node:crypto";

/**
 * The nonce of one message of one scheduled run. Deterministic, so a retry after a crash
 * or timeout sends the same nonce and Discord (with enforce_nonce) returns the message it
 * already created instead of a second one. Discord takes at most 25 characters.
 */
export function digestNonce(subscriptionId: number, slot: string, part: number): string {
  return createHash("sha256").update(`storyline:${subscriptionId}:${slot}:${part}`).digest("hex").slice(0, 25);
}
