package io.paperboy.feed;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stored trending scores as other features read them: the read model this module publishes
 * over its {@code paper_scores} table, so that the table stays this module's to change.
 */
@Repository
public class ScoreBoard {

	private final JdbcClient jdbc;

	ScoreBoard(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The papers that entered a daily list in {@code (since, until]}, highest stored score first
	 * (stored scores share one epoch, so their order is the order of the decayed scores), ties by
	 * paper id; a paper without a score counts 0.
	 */
	public List<ScoredEntry> enteredBetween(Instant since, Instant until) {
		return this.jdbc.sql("""
				select e.paper_id, e.submitted_at, coalesce(s.score, 0) as score
				from daily_entries e
				left join paper_scores s on s.paper_id = e.paper_id
				where e.submitted_at > :since and e.submitted_at <= :until
				order by coalesce(s.score, 0) desc, e.paper_id
				""")
			.param("since", timestamp(since))
			.param("until", timestamp(until))
			.query((rs, row) -> new ScoredEntry(rs.getString("paper_id"),
					rs.getObject("submitted_at", OffsetDateTime.class).toInstant(), rs.getDouble("score")))
			.list();
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/**
	 * A paper on a daily list and its stored score.
	 *
	 * @param paperId its id
	 * @param enteredAt when it entered the list
	 * @param score its stored trending score, 0 when it has none
	 */
	public record ScoredEntry(String paperId, Instant enteredAt, double score) {
	}

}
