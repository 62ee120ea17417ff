package io.paperboy.library;

/**
 * Whether a member said they are not interested in a paper, after they asked.
 *
 * @param paperId the paper
 * @param notInterested whether the paper is hidden from their personal views
 */
public record NotInterestedState(String paperId, boolean notInterested) {

}
