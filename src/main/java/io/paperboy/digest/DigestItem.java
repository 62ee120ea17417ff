package io.paperboy.digest;

import io.paperboy.catalog.PaperListing;

/**
 * A paper in a digest.
 *
 * @param listing the paper with its daily entry
 * @param periodVotes the upvotes it gained in the digest's period (members' votes, and the
 * imported count of a paper that entered the list in the period)
 * @param reason why it is in this subscriber's digest: "trending: +57 votes today", "matches:
 * reinforcement learning", "like papers you upvoted"
 */
record DigestItem(PaperListing listing, int periodVotes, String reason) {
}
