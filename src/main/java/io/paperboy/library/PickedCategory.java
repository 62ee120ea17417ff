package io.paperboy.library;

import java.time.Instant;

/**
 * An arXiv category a member picked for their "For you" feed.
 *
 * @param category the category, such as {@code cs.CL}
 * @param pickedAt when they picked it
 */
public record PickedCategory(String category, Instant pickedAt) {

}
