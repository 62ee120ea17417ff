package io.paperboy.community;

import java.time.Instant;
import java.time.LocalDate;
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
	 * The UTC day of a timestamp, as days since 1970-01-01. Arithmetic on the epoch rather than a
	 * cast to date: a cast uses the session's time zone on H2 (even after {@code at time zone
	 * 'UTC'}), and the JVM's zone should not move a vote to another day.
	 */
	private static final String EPOCH_DAY = "cast(floor(extract(epoch from %s) / 86400) as bigint)";

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

	/** When members voted for a paper, earliest first (none for a paper without votes). */
	public List<Instant> castTimes(String paperId) {
		return this.jdbc.sql("select voted_at from votes where paper_id = :id order by voted_at")
			.param("id", paperId)
			.query((rs, row) -> rs.getObject("voted_at", OffsetDateTime.class).toInstant())
			.list();
	}

	/**
	 * Members' votes on these papers per UTC day, cast at {@code since} or later, for a page of
	 * papers at once. Days without votes are left out.
	 */
	public List<PaperDay> countPerPaperAndDay(Collection<String> paperIds, Instant since) {
		if (paperIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select v.paper_id, v.epoch_day, count(*) as votes
				from (select paper_id, %s as epoch_day from votes where paper_id in (:ids) and voted_at >= :since) v
				group by v.paper_id, v.epoch_day
				""".formatted(EPOCH_DAY.formatted("voted_at")))
			.param("ids", paperIds)
			.param("since", timestamp(since))
			.query((rs, row) -> new PaperDay(rs.getString("paper_id"), LocalDate.ofEpochDay(rs.getLong("epoch_day")),
					rs.getLong("votes")))
			.list();
	}

	/**
	 * Members' votes cast at {@code since} or later and before {@code until}, per UTC day and per
	 * primary arXiv category of the paper voted for. Days and categories without votes are left out.
	 */
	public List<CategoryDay> countPerCategoryAndDay(Instant since, Instant until) {
		return this.jdbc.sql("""
				select c.category, v.epoch_day, sum(v.votes) as votes
				from (
				    -- counted per paper before the join, so a paper with many votes meets its category once a day
				    select paper_id, epoch_day, count(*) as votes
				    from (select paper_id, %s as epoch_day from votes where voted_at >= :since and voted_at < :until) t
				    group by paper_id, epoch_day
				) v
				left join paper_categories c on c.paper_id = v.paper_id and c.position = 0
				group by c.category, v.epoch_day
				""".formatted(EPOCH_DAY.formatted("voted_at")))
			.param("since", timestamp(since))
			.param("until", timestamp(until))
			.query((rs, row) -> new CategoryDay(rs.getString("category"), LocalDate.ofEpochDay(rs.getLong("epoch_day")),
					rs.getLong("votes")))
			.list();
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/**
	 * Members' votes for a paper on one day.
	 *
	 * @param paperId the paper
	 * @param day the UTC day
	 * @param votes the votes members cast for it that day
	 */
	public record PaperDay(String paperId, LocalDate day, long votes) {

	}

	/**
	 * Members' votes for the papers of a category on one day.
	 *
	 * @param category the papers' primary arXiv category, or {@code null} for papers without one
	 * @param day the UTC day
	 * @param votes the votes members cast for them that day
	 */
	public record CategoryDay(String category, LocalDate day, long votes) {

	}

}
