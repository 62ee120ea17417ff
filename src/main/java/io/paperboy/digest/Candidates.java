package io.paperboy.digest;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.paperboy.community.VoteLedger;
import io.paperboy.community.Votes;
import io.paperboy.feed.ScoreBoard;
import org.springframework.stereotype.Component;

/**
 * What a digest is made from, read through what their owners publish: the daily lists with their
 * trending scores ({@link ScoreBoard}) and members' votes ({@link VoteLedger}, {@link Votes}).
 */
@Component
class Candidates {

	private final ScoreBoard scores;

	private final VoteLedger votes;

	private final Votes upvotes;

	Candidates(ScoreBoard scores, VoteLedger votes, Votes upvotes) {
		this.scores = scores;
		this.votes = votes;
		this.upvotes = upvotes;
	}

	/**
	 * Papers that entered a daily list in {@code (since, until]}, highest trending score first
	 * (stored scores share one epoch, so their order is the order of the decayed scores), each with
	 * the times of the members' votes it had in that time, so that any later start can be counted
	 * without reading again.
	 */
	List<Candidate> enteredBetween(Instant since, Instant until) {
		Map<String, List<Instant>> votes = this.votes.castOnPapersEnteredBetween(since, until);
		return this.scores.enteredBetween(since, until)
			.stream()
			.map((entry) -> new Candidate(entry.paperId(), entry.enteredAt(), entry.score(),
					votes.getOrDefault(entry.paperId(), List.of())))
			.toList();
	}

	/** The papers a member upvoted most recently, newest first. */
	List<String> upvotedBy(long userId, int limit) {
		return this.upvotes.upvotedBy(userId, limit);
	}

	/**
	 * A paper on a daily list.
	 *
	 * @param paperId its id
	 * @param enteredAt when it entered the list
	 * @param score its stored trending score
	 * @param votes when members voted for it, in the period it was read for
	 */
	record Candidate(String paperId, Instant enteredAt, double score, List<Instant> votes) {

		Candidate {
			Instant[] sorted = votes.toArray(Instant[]::new);
			Arrays.sort(sorted);
			votes = List.of(sorted);
		}

		/** Members' votes cast after {@code since}. */
		int memberVotesSince(Instant since) {
			int low = 0;
			int high = this.votes.size();
			while (low < high) {
				int middle = (low + high) >>> 1;
				if (this.votes.get(middle).isAfter(since)) {
					high = middle;
				}
				else {
					low = middle + 1;
				}
			}
			return this.votes.size() - low;
		}

	}

}
