package io.paperboy.community;

import java.time.Instant;

/**
 * A member cast or withdrew a vote. Published inside the transaction that changes the vote, so
 * that a listener may change derived state in the same transaction (the trending score) or after
 * it commits (caches).
 *
 * @param paperId the paper voted on
 * @param userId the member
 * @param votedAt when the vote was cast (for a withdrawal: when the withdrawn vote had been cast)
 * @param memberSince when the member's account was created, so listeners can weigh the vote by the
 * account's age at {@code votedAt}
 * @param change {@code +1} for a vote cast, {@code -1} for a vote withdrawn
 */
public record VoteChangedEvent(String paperId, long userId, Instant votedAt, Instant memberSince, int change) {

	static VoteChangedEvent cast(String paperId, long userId, Instant votedAt, Instant memberSince) {
		return new VoteChangedEvent(paperId, userId, votedAt, memberSince, 1);
	}

	static VoteChangedEvent withdrawn(String paperId, long userId, Instant votedAt, Instant memberSince) {
		return new VoteChangedEvent(paperId, userId, votedAt, memberSince, -1);
	}

}
