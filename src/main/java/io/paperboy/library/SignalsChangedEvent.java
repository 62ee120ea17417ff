package io.paperboy.library;

/**
 * A member saved a paper, took it out of their library, or said they are (or are no longer) not
 * interested in it: what a model of their interests learns from has changed. Published in the
 * change's transaction.
 *
 * @param memberId whose signals
 */
public record SignalsChangedEvent(long memberId) {
}
