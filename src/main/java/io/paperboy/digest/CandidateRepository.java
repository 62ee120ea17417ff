package io.paperboy.digest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a digest is made from, read from other features' tables: the daily lists, the trending
 * scores and members' votes. Nothing here writes them.
 */
@Repository
class CandidateRepository {

	private final JdbcClient jdbc;

	CandidateRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Papers that entered a daily list in {@code (since, until]}, highest trending score first
	 * (stored scores share one epoch, so their order is the order of the decayed scores), each with
	 * the times of the members' votes it had in that time, so that any later start can be counted
	 * without reading again.
	 */
	List<Candidate> enteredBetween(Instant since, Instant until) {
		Map<String, List<Instant>> votes = new HashMap<>();
		this.jdbc.sql("""
				select v.paper_id, v.voted_at from votes v
				join daily_entries e on e.paper_id = v.paper_id
				where e.submitted_at > :since and e.submitted_at <= :until
				    and v.voted_at > :since and v.voted_at <= :until
				""")
			.param("since", SubscriptionRepository.timestamp(since))
			.param("until", SubscriptionRepository.timestamp(until))
			.query((rs) -> {
				votes.computeIfAbsent(rs.getString(1), (paper) -> new ArrayList<>())
					.add(SubscriptionRepository.instant(rs, "voted_at"));
			});
		return this.jdbc.sql("""
				select e.paper_id, e.submitted_at, coalesce(s.score, 0) as score
				from daily_entries e
				left join paper_scores s on s.paper_id = e.paper_id
				where e.submitted_at > :since and e.submitted_at <= :until
				order by coalesce(s.score, 0) desc, e.paper_id
				""")
			.param("since", SubscriptionRepository.timestamp(since))
			.param("until", SubscriptionRepository.timestamp(until))
			.query((rs, row) -> {
				String paperId = rs.getString("paper_id");
				return new Candidate(paperId, SubscriptionRepository.instant(rs, "submitted_at"), rs.getDouble("score"),
						votes.getOrDefault(paperId, List.of()));
			})
			.list();
	}

	/** The papers a member upvoted most recently, newest first. */
	List<String> upvotedBy(long userId, int limit) {
		return this.jdbc.sql("select paper_id from votes where user_id = :user order by voted_at desc, paper_id")
			.param("user", userId)
			.query(String.class)
			.list()
			.stream()
			.limit(limit)
			.toList();
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
