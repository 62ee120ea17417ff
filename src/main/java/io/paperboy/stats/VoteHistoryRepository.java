package io.paperboy.stats;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.paperboy.community.VoteLedger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Votes with their times: imported counts placed at the paper's entry, in SQL, and members' votes
 * as the community publishes them ({@link VoteLedger}).
 */
@Repository
class VoteHistoryRepository {

	/**
	 * The UTC day of a timestamp, as days since 1970-01-01. Arithmetic on the epoch rather than a
	 * cast to date: a cast uses the session's time zone on H2 (even after {@code at time zone
	 * 'UTC'}), and the JVM's zone should not move a vote to another day.
	 */
	static final String EPOCH_DAY = "cast(floor(extract(epoch from %s) / 86400) as bigint)";

	private final JdbcClient jdbc;

	private final VoteLedger ledger;

	VoteHistoryRepository(JdbcClient jdbc, VoteLedger ledger) {
		this.jdbc = jdbc;
		this.ledger = ledger;
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
			.map((block) -> new VoteTimeline(block.votes(), block.enteredAt(), this.ledger.castTimes(paperId)))
			.orElse(VoteTimeline.NONE);
	}

	/**
	 * Votes per paper and UTC day since {@code since}, for a page of papers at once: members' votes
	 * on the day they were cast, imported counts on the day the paper entered its list. Days
	 * without votes are left out; a paper and day can have two rows (imported and members' votes),
	 * which the reader adds up.
	 */
	List<DailyVotes> votesPerDay(Collection<String> paperIds, Instant since) {
		if (paperIds.isEmpty()) {
			return List.of();
		}
		List<DailyVotes> rows = new ArrayList<>(this.jdbc.sql("""
				select d.paper_id, %s as epoch_day, p.imported_upvotes as votes
				from daily_entries d join papers p on p.id = d.paper_id
				where d.paper_id in (:ids) and d.submitted_at >= :since and p.imported_upvotes > 0
				""".formatted(EPOCH_DAY.formatted("d.submitted_at")))
			.param("ids", paperIds)
			.param("since", timestamp(since))
			.query((rs, row) -> new DailyVotes(rs.getString("paper_id"), LocalDate.ofEpochDay(rs.getLong("epoch_day")),
					rs.getLong("votes")))
			.list());
		for (VoteLedger.PaperDay members : this.ledger.countPerPaperAndDay(paperIds, since)) {
			rows.add(new DailyVotes(members.paperId(), members.day(), members.votes()));
		}
		return rows;
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
	 * @param votes members' votes cast that day, or the imported count when the paper entered its list that day
	 */
	record DailyVotes(String paperId, LocalDate day, long votes) {

	}

}
