package io.paperboy.community;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.paperboy.account.Viewer;
import io.paperboy.catalog.PaperCounters;
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

	private final PaperCounters counters;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Votes(VoteRepository votes, PaperCounters counters, ApplicationEventPublisher events, Clock clock) {
		this.votes = votes;
		this.counters = counters;
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
		return cast(paperId, userId, memberSince);
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
		return retract(paperId, userId, memberSince);
	}

	/**
	 * Makes the member's vote for the paper what they asked: cast when {@code upvoted}, withdrawn
	 * otherwise. Asking twice changes nothing the second time.
	 * @return the paper's upvotes afterwards
	 * @throws PaperNotFoundException when the paper is not in the catalog
	 * @throws MemberNotFoundException when the user does not exist
	 */
	@Transactional
	public UpvoteState vote(String paperId, long userId, boolean upvoted) {
		Instant memberSince = memberSince(userId);
		lockPaper(paperId);
		if (upvoted) {
			cast(paperId, userId, memberSince);
		}
		else {
			retract(paperId, userId, memberSince);
		}
		return state(paperId, upvoted);
	}

	/**
	 * Casts the member's vote for the paper, or withdraws it when they had voted.
	 * @return the paper's upvotes afterwards
	 * @throws PaperNotFoundException when the paper is not in the catalog
	 * @throws MemberNotFoundException when the user does not exist
	 */
	@Transactional
	public UpvoteState toggle(String paperId, long userId) {
		Instant memberSince = memberSince(userId);
		lockPaper(paperId);
		// read under the paper's lock: two toggles at once take turns, each seeing the other's result
		boolean upvoted = this.votes.votedAt(paperId, userId).isEmpty();
		if (upvoted) {
			cast(paperId, userId, memberSince);
		}
		else {
			retract(paperId, userId, memberSince);
		}
		return state(paperId, upvoted);
	}

	/**
	 * What the upvote buttons for these papers show this visitor: which of them the member voted
	 * for (no query at all for an anonymous visitor).
	 */
	@Transactional(readOnly = true)
	public Ballot ballot(Viewer viewer, Collection<String> paperIds) {
		if (viewer.isAnonymous()) {
			return new Ballot(viewer, java.util.Set.of());
		}
		return new Ballot(viewer, this.votes.votedAmong(viewer.member().id(), paperIds));
	}

	/** The papers the member voted for, the most recent vote first, at most {@code limit}. */
	@Transactional(readOnly = true)
	public List<String> upvotedBy(long userId, int limit) {
		return this.votes.votedBy(userId, limit);
	}

	/** How many papers the member voted for. */
	@Transactional(readOnly = true)
	public long countUpvotedBy(long userId) {
		return this.votes.countVotedBy(userId);
	}

	/** Whether the member has voted for the paper. */
	@Transactional(readOnly = true)
	public boolean hasVoted(String paperId, long userId) {
		return this.votes.votedAt(paperId, userId).isPresent();
	}

	/** Records the vote; call with the paper locked. */
	private boolean cast(String paperId, long userId, Instant memberSince) {
		// the database keeps microseconds: the time a withdrawal reads back must be the time the vote added
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		if (!this.votes.insert(paperId, userId, now)) {
			return false;
		}
		this.counters.addMemberVotes(paperId, 1);
		this.events.publishEvent(VoteChangedEvent.cast(paperId, userId, now, memberSince));
		return true;
	}

	/** Withdraws the vote; call with the paper locked. */
	private boolean retract(String paperId, long userId, Instant memberSince) {
		Optional<Instant> votedAt = this.votes.votedAt(paperId, userId);
		if (votedAt.isEmpty() || !this.votes.delete(paperId, userId)) {
			return false;
		}
		this.counters.addMemberVotes(paperId, -1);
		this.events.publishEvent(VoteChangedEvent.withdrawn(paperId, userId, votedAt.get(), memberSince));
		return true;
	}

	private UpvoteState state(String paperId, boolean upvoted) {
		return new UpvoteState(paperId, this.counters.upvotes(paperId).orElseThrow(() -> new PaperNotFoundException(paperId)),
				upvoted);
	}

	private Instant memberSince(long userId) {
		return this.votes.memberSince(userId).orElseThrow(() -> new MemberNotFoundException(userId));
	}

	private void lockPaper(String paperId) {
		if (!this.counters.lock(paperId)) {
			throw new PaperNotFoundException(paperId);
		}
	}

}
