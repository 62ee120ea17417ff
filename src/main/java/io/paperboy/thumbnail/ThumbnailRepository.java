package io.paperboy.thumbnail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the job has done for each paper it tried ({@code thumbnails}), and which papers it should
 * try next: those on daily lists (newest list first), then those published on arXiv lately (newest
 * first), leaving out the ones made, given up, or waiting for their next attempt.
 */
@Repository
class ThumbnailRepository {

	static final String MADE = "made";

	static final String WAITING = "waiting";

	static final String FAILED = "failed";

	private final JdbcClient jdbc;

	ThumbnailRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * At most {@code limit} papers to try now, in the order to try them.
	 * @param publishedSince papers not on a daily list count only if published on arXiv since then
	 */
	List<String> toTry(Instant now, Instant publishedSince, int limit) {
		Set<String> ids = new LinkedHashSet<>(this.jdbc.sql("""
				select e.paper_id from daily_entries e
				left join thumbnails t on t.paper_id = e.paper_id
				where e.hidden_at is null
				  and (t.paper_id is null or (t.state = 'waiting' and t.next_attempt_at <= :now))
				order by e.list_day desc, e.submitted_at desc, e.paper_id
				fetch first :limit rows only
				""").param("now", timestamp(now)).param("limit", limit).query(String.class).list());
		if (ids.size() < limit) {
			ids.addAll(this.jdbc.sql("""
					select p.id from papers p
					left join thumbnails t on t.paper_id = p.id
					where p.published_at >= :since
					  and (t.paper_id is null or (t.state = 'waiting' and t.next_attempt_at <= :now))
					order by p.published_at desc, p.id desc
					fetch first :limit rows only
					""")
				.param("since", timestamp(publishedSince))
				.param("now", timestamp(now))
				.param("limit", limit)
				.query(String.class)
				.list());
		}
		return ids.stream().limit(limit).toList();
	}

	/** How many times the paper has been tried so far. */
	int attempts(String paperId) {
		return this.jdbc.sql("select attempts from thumbnails where paper_id = :id")
			.param("id", paperId)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	void made(String paperId, Instant now) {
		save(paperId, MADE, null, null, now);
	}

	/** A failure that may pass: tried again from {@code nextAttempt}. */
	void waiting(String paperId, String reason, Instant nextAttempt, Instant now) {
		save(paperId, WAITING, reason, nextAttempt, now);
	}

	/** Given up: never tried again unless the row is deleted. */
	void failed(String paperId, String reason, Instant now) {
		save(paperId, FAILED, reason, null, now);
	}

	private void save(String paperId, String state, String reason, Instant nextAttempt, Instant now) {
		String shortReason = (reason != null && reason.length() > 1000) ? reason.substring(0, 997) + "..." : reason;
		// one node runs the job at a time: no other writer between the update and the insert
		int updated = this.jdbc.sql("""
				update thumbnails set state = :state, attempts = attempts + 1, reason = :reason,
				    next_attempt_at = :next, updated_at = :now
				where paper_id = :id
				""")
			.param("state", state)
			.param("reason", shortReason)
			.param("next", timestamp(nextAttempt))
			.param("now", timestamp(now))
			.param("id", paperId)
			.update();
		if (updated == 0) {
			this.jdbc.sql("""
					insert into thumbnails (paper_id, state, attempts, reason, next_attempt_at, updated_at)
					values (:id, :state, 1, :reason, :next, :now)
					""")
				.param("id", paperId)
				.param("state", state)
				.param("reason", shortReason)
				.param("next", timestamp(nextAttempt))
				.param("now", timestamp(now))
				.update();
		}
	}

	/** How many papers are in each state, and how many the job would still try. */
	ThumbnailCounts counts(Instant publishedSince) {
		long made = countIn(MADE);
		long waiting = countIn(WAITING);
		long failed = countIn(FAILED);
		long untried = this.jdbc.sql("""
				select count(*) from (
				    select e.paper_id as id from daily_entries e where e.hidden_at is null
				    union
				    select p.id from papers p where p.published_at >= :since
				) c
				where not exists (select 1 from thumbnails t where t.paper_id = c.id)
				""").param("since", timestamp(publishedSince)).query(Long.class).single();
		return new ThumbnailCounts(made, untried, waiting, failed);
	}

	/** The latest failures, newest first, with their reasons. */
	List<ThumbnailCounts.Failure> latestFailures(int limit) {
		return this.jdbc.sql("""
				select paper_id, state, attempts, reason, updated_at from thumbnails
				where state <> 'made'
				order by updated_at desc, paper_id
				fetch first :limit rows only
				""").param("limit", limit).query(this::failure).list();
	}

	private ThumbnailCounts.Failure failure(ResultSet rs, int row) throws SQLException {
		return new ThumbnailCounts.Failure(rs.getString("paper_id"), rs.getString("state"), rs.getInt("attempts"),
				rs.getString("reason"), rs.getObject("updated_at", OffsetDateTime.class).toInstant());
	}

	private long countIn(String state) {
		return this.jdbc.sql("select count(*) from thumbnails where state = :state")
			.param("state", state)
			.query(Long.class)
			.single();
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

}
