package io.paperboy.digest;

import java.time.Instant;

/**
 * An address that gets nothing more: the relay refused it for good too many times.
 *
 * @param subscriptionId its subscription
 * @param email the address
 * @param hardBounces how many hard bounces it had
 * @param lastBounce the relay's words for the latest one
 * @param suppressedAt since when
 */
public record Suppression(long subscriptionId, String email, int hardBounces, String lastBounce, Instant suppressedAt) {
}
