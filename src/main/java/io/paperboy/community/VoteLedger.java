package io.paperboy.community;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Members' votes as other features read them: the read model this module publishes over its
 * {@code votes} table, so that the table stays this module's to change. Each method is the query
 * its reader ran before, joins with the catalog's tables included, so nothing became slower.
 */
@Repository
public class VoteLedger {

	private final JdbcClient jdbc;

	VoteLedger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The times of the votes cast in {@code (since, until]} for the papers that entered a daily list
	 * in that time, by paper id (papers without such votes are left out). Digests count a paper's
	 * votes in their period from these.
	 */
	public Map<String, List<Instant>> castOnPapersEnteredBetween(Instant since, Instant until) {
		Map<String, List<Instant>> votes = new HashMap<>();
		this.jdbc.sql("""
				select v.paper_id, v.voted_at from votes v
				join daily_entries e on e.paper_id = v.paper_id
				where e.submitted_at > :since and e.submitted_at <= :until
				    and v.voted_at > :since and v.voted_at <= :until
				""")
			.param("since", timestamp(since))
			.param("until", timestamp(until))
			.query((rs) -> {
				votes.computeIfAbsent(rs.getString(1), (paper) -> new ArrayList<>())
					.add(rs.getObject("voted_at", OffsetDateTime.class).toInstant());
			});
		return votes;
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
