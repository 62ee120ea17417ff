package io.paperboy.library;

/**
 * Whether a paper is in a member's library, after they asked: what the API answers and what the
 * button shows.
 *
 * @param paperId the paper
 * @param saved whether it is in their library
 */
public record SaveState(String paperId, boolean saved) {

}
