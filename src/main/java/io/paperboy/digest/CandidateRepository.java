package io.paperboy.digest;

import java.time.Instant;
import java.util.List;

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
	 * the members' votes it had in that time.
	 */
	List<Candidate> enteredBetween(Instant since, Instant until) {
		return this.jdbc.sql("""
				select e.paper_id, e.submitted_at, coalesce(s.score, 0) as score,
				    (select count(*) from votes v
				     where v.paper_id = e.paper_id and v.voted_at > :since and v.voted_at <= :until) as votes
				from daily_entries e
				left join paper_scores s on s.paper_id = e.paper_id
				where e.submitted_at > :since and e.submitted_at <= :until
				order by coalesce(s.score, 0) desc, e.paper_id
				""")
			.param("since", SubscriptionRepository.timestamp(since))
			.param("until", SubscriptionRepository.timestamp(until))
			.query((rs, row) -> new Candidate(rs.getString("paper_id"), rs.getDouble("score"), rs.getInt("votes")))
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
	 * A paper on a daily list in the period.
	 *
	 * @param paperId its id
	 * @param score its stored trending score
	 * @param memberVotes members' votes cast on it in the period
	 */
	record Candidate(String paperId, double score, int memberVotes) {
	}

}
