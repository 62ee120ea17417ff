package io.paperboy.community;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Members' votes as other features read them: the read model this module publishes over its
 * {@code votes} table, so that the table stays this module's to change. Each method is the query
 * its reader ran before, joins with the catalog's tables included, so nothing became slower.
 */
@Repository
public class VoteLedger {

	/**
	 * Each paper on a daily list with its imported count and its members' votes, one row per vote (a
	 * paper without votes has one row, with nulls), the rows of a paper together. {@code %s} narrows
	 * the papers.
	 */
	private static final String HISTORY = """
			select e.paper_id, e.submitted_at, p.imported_upvotes, v.user_id, v.voted_at
			from daily_entries e
			join papers p on p.id = e.paper_id
			left join votes v on v.paper_id = e.paper_id
			%s
			order by e.paper_id
			""";

	private final JdbcClient jdbc;

	VoteLedger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Reads the whole history of the papers on the daily lists ({@code paperIds}, or all of them
	 * when it is null) in one pass, {@code fetchSize} rows at a time: for each paper, one row per
	 * member's vote, or one row with nulls when it has none, the rows of a paper together. The
	 * columns are {@code paper_id}, {@code submitted_at} (when it entered its list),
	 * {@code imported_upvotes}, {@code user_id} and {@code voted_at}. Trending computes its scores
	 * from this: for ten million votes, far cheaper than summing them in SQL.
	 */
	public void historyOfListedPapers(List<String> paperIds, int fetchSize, RowCallbackHandler rows) {
		if (paperIds != null && paperIds.isEmpty()) {
			return;
		}
		String filter = (paperIds != null)
				? "where e.paper_id in (" + String.join(", ", Collections.nCopies(paperIds.size(), "?")) + ")"
				: "";
		JdbcClient.StatementSpec history = this.jdbc.sql(HISTORY.formatted(filter)).withFetchSize(fetchSize);
		if (paperIds != null) {
			history = history.params(paperIds);
		}
		history.query(rows);
	}

	/**
	 * When the accounts that voted for these papers were created, by user id, read
	 * {@code fetchSize} rows at a time.
	 */
	public Map<Long, Instant> votersSince(List<String> paperIds, int fetchSize) {
		Map<Long, Instant> since = new HashMap<>();
		this.jdbc.sql("select id, created_at from users where id in (select user_id from votes where paper_id in (:ids))")
			.withFetchSize(fetchSize)
			.param("ids", paperIds)
			.query((rs) -> {
				since.put(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant());
			});
		return since;
	}

	/** Members' votes on these papers cast after {@code since} and not after {@code until}, by paper id. */
	public Map<String, Integer> countCastBetween(Collection<String> paperIds, Instant since, Instant until) {
		Map<String, Integer> counts = new HashMap<>();
		if (!paperIds.isEmpty()) {
			// one count per paper, each an index range (paper, time): with "paper_id in (...)" H2 reads
			// every vote of every paper, a hundred thousand for the most voted
			this.jdbc.sql("""
					select p.id, (select count(*) from votes v
					    where v.paper_id = p.id and v.voted_at > :since and v.voted_at <= :until)
					from papers p where p.id in (:ids)
					""")
				.param("ids", paperIds)
				.param("since", timestamp(since))
				.param("until", timestamp(until))
				.query((rs) -> {
					if (rs.getInt(2) > 0) {
						counts.put(rs.getString(1), rs.getInt(2));
					}
				});
		}
		return counts;
	}

	/** How many votes members have cast, all papers together. */
	public long count() {
		return this.jdbc.sql("select count(*) from votes").query(Long.class).single();
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
