package io.paperboy.community;

/**
 * A paper's upvotes as one member sees them after voting: what the API answers and what a button
 * shows.
 *
 * @param paperId the paper
 * @param upvotes the count shown: imported upvotes plus members' votes
 * @param upvoted whether this member's vote is among them
 */
public record UpvoteState(String paperId, int upvotes, boolean upvoted) {

}
