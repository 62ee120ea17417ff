package io.paperboy.library;

import java.time.Instant;

/**
 * A paper on a collection.
 *
 * @param paperId the paper
 * @param note the member's note on it (plain text; may be empty)
 * @param addedAt when it was added
 * @param position its place on the list, first added first
 */
public record CollectionItem(String paperId, String note, Instant addedAt, int position) {

}
