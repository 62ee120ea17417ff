package io.paperboy.community;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import io.paperboy.catalog.PaperNotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members' votes: one per member and paper, each kept with its time. A vote and everything derived
 * from it (the paper's count, its trending score) change in one transaction: every change
 * publishes a {@link VoteChangedEvent} inside it.
 */
@Service
public class Votes {

	private final VoteRepository votes;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Votes(VoteRepository votes, ApplicationEventPublisher events, Clock clock) {
		this.votes = votes;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Records the member's vote for the paper, now.
	 * @return true when the vote is new, false when the member had already voted for the paper
	 * @throws PaperNotFoundException when the paper is not in the catalog
	 * @throws MemberNotFoundException when the user does not exist
	 */
	@Transactional
	public boolean upvote(String paperId, long userId) {
		Instant memberSince = memberSince(userId);
		lockPaper(paperId);
		// the database keeps microseconds: the time a withdrawal reads back must be the time the vote added
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		if (!this.votes.insert(paperId, userId, now)) {
			return false;
		}
		this.votes.count(paperId, 1);
		this.events.publishEvent(VoteChangedEvent.cast(paperId, userId, now, memberSince));
		return true;
	}

	/**
	 * Withdraws the member's vote for the paper, and with it everything the vote contributed.
	 * @return true when there was a vote to withdraw
	 * @throws PaperNotFoundException when the paper is not in the catalog
	 * @throws MemberNotFoundException when the user does not exist
	 */
	@Transactional
	public boolean withdraw(String paperId, long userId) {
		Instant memberSince = memberSince(userId);
		lockPaper(paperId);
		Optional<Instant> votedAt = this.votes.votedAt(paperId, userId);
		if (votedAt.isEmpty() || !this.votes.delete(paperId, userId)) {
			return false;
		}
		this.votes.count(paperId, -1);
		this.events.publishEvent(VoteChangedEvent.withdrawn(paperId, userId, votedAt.get(), memberSince));
		return true;
	}

	/** Whether the member has voted for the paper. */
	@Transactional(readOnly = true)
	public boolean hasVoted(String paperId, long userId) {
		return this.votes.votedAt(paperId, userId).isPresent();
	}

	private Instant memberSince(long userId) {
		return this.votes.memberSince(userId).orElseThrow(() -> new MemberNotFoundException(userId));
	}

	private void lockPaper(String paperId) {
		if (!this.votes.lockPaper(paperId)) {
			throw new PaperNotFoundException(paperId);
		}
	}

}
