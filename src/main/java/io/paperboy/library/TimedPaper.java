package io.paperboy.library;

import java.time.Instant;

/**
 * A paper and when a member gave a signal about it.
 *
 * @param paperId the paper
 * @param at when the member saved it, or said they were not interested
 */
public record TimedPaper(String paperId, Instant at) {

}
