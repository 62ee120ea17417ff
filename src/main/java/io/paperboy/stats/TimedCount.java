package io.paperboy.stats;

import java.time.Instant;

/**
 * A point of a cumulative series: the total reached at a time.
 *
 * @param at when
 * @param total the total from the start up to and including {@code at}
 */
record TimedCount(Instant at, long total) {

}
