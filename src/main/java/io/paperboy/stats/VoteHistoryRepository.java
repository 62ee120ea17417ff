package io.paperboy.stats;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Votes with their times, in SQL: members' votes, and imported counts placed at the paper's entry. */
@Repository
class VoteHistoryRepository {

	/**
	 * The UTC day of a timestamp, as days since 1970-01-01. Arithmetic on the epoch rather than a
	 * cast to date: a cast uses the session's time zone on H2 (even after {@code at time zone
	 * 'UTC'}), and the JVM's zone should not move a vote to another day.
	 */
	static final String EPOCH_DAY = "cast(floor(extract(epoch from %s) / 86400) as bigint)";

	private final JdbcClient jdbc;

	VoteHistoryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A paper's votes with their times, or {@link VoteTimeline#NONE} for a paper not in the catalog. */
	VoteTimeline timeline(String paperId) {
		record ImportedBlock(long votes, Instant enteredAt) {
		}
		return this.jdbc.sql("""
				select p.imported_upvotes, d.submitted_at
				from papers p left join daily_entries d on d.paper_id = p.id
				where p.id = :id
				""")
			.param("id", paperId)
			.query((rs, row) -> new ImportedBlock(rs.getLong("imported_upvotes"), instant(rs, "submitted_at")))
			.optional()
			.map((block) -> new VoteTimeline(block.votes(), block.enteredAt(), memberVotes(paperId)))
			.orElse(VoteTimeline.NONE);
	}

	private List<Instant> memberVotes(String paperId) {
		return this.jdbc.sql("select voted_at from votes where paper_id = :id order by voted_at")
			.param("id", paperId)
			.query((rs, row) -> instant(rs, "voted_at"))
			.list();
	}

	/**
	 * Votes per paper and UTC day since {@code since}, for a page of papers at once: members' votes
	 * on the day they were cast, imported counts on the day the paper entered its list. Days
	 * without votes are left out.
	 */
	List<DailyVotes> votesPerDay(Collection<String> paperIds, Instant since) {
		if (paperIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select e.paper_id, e.epoch_day, sum(e.votes) as votes
				from (
				    select d.paper_id, %s as epoch_day, p.imported_upvotes as votes
				    from daily_entries d join papers p on p.id = d.paper_id
				    where d.paper_id in (:ids) and d.submitted_at >= :since and p.imported_upvotes > 0
				    union all
				    select v.paper_id, %s, 1
				    from votes v
				    where v.paper_id in (:ids) and v.voted_at >= :since
				) e
				group by e.paper_id, e.epoch_day
				""".formatted(EPOCH_DAY.formatted("d.submitted_at"), EPOCH_DAY.formatted("v.voted_at")))
			.param("ids", paperIds)
			.param("since", timestamp(since))
			.query((rs, row) -> new DailyVotes(rs.getString("paper_id"), LocalDate.ofEpochDay(rs.getLong("epoch_day")),
					rs.getLong("votes")))
			.list();
	}

	static OffsetDateTime timestamp(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	/**
	 * A paper's votes on one day.
	 *
	 * @param paperId the paper
	 * @param day the UTC day
	 * @param votes members' votes cast that day plus the imported count when the paper entered its list that day
	 */
	record DailyVotes(String paperId, LocalDate day, long votes) {

	}

}
