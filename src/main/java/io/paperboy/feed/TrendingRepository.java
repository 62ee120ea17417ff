package io.paperboy.feed;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Trending scores and the state they are stored against, in SQL. Scores are computed from the
 * catalog's daily entries and imported counts and from members' votes and accounts, which this
 * repository reads but never writes.
 */
@Repository
class TrendingRepository {

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

	/** Rows read from the database at a time while computing scores. */
	private static final int FETCH_SIZE = 2_000;

	/** Scores written per batch. */
	private static final int BATCH_SIZE = 1_000;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	TrendingRepository(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/**
	 * The stored state, empty when no scores were ever computed; with {@code lock}, its row (which
	 * always exists, see V3) stays locked until the transaction ends.
	 */
	Optional<TrendingState> state(boolean lock) {
		return this.jdbc
			.sql("select epoch, half_life_seconds, new_account_age_seconds from trending_state where id = 1"
					+ (lock ? " for update" : ""))
			.query((rs, row) -> (rs.getLong("half_life_seconds") == 0) ? Optional.<TrendingState>empty()
					: Optional.of(new TrendingState(instant(rs, "epoch"),
							Duration.ofSeconds(rs.getLong("half_life_seconds")),
							Duration.ofSeconds(rs.getLong("new_account_age_seconds")))))
			.single();
	}

	void saveState(TrendingState state, Instant rebuiltAt) {
		this.jdbc.sql("""
				update trending_state set epoch = :epoch, half_life_seconds = :halfLife,
				    new_account_age_seconds = :newAccountAge, rebuilt_at = :rebuiltAt
				where id = 1
				""").paramSource(stateParameters(state, rebuiltAt)).update();
	}

	void moveEpoch(Instant epoch) {
		this.jdbc.sql("update trending_state set epoch = :epoch where id = 1").param("epoch", timestamp(epoch)).update();
	}

	/**
	 * Adds a term to a paper's score, provided the score is still stored against {@code epoch}.
	 * @return 1 when it was added; 0 when the paper has no score (it is on no daily list) or its
	 * score has meanwhile been moved to another epoch
	 */
	int add(String paperId, double term, Instant epoch) {
		return this.jdbc.sql("update paper_scores set score = score + :term where paper_id = :id and epoch = :epoch")
			.param("term", term)
			.param("id", paperId)
			.param("epoch", timestamp(epoch))
			.update();
	}

	/** Computes the scores of these papers from their whole history; papers on no daily list get none. */
	void recompute(Collection<String> paperIds, TrendingState state) {
		this.jdbc.sql("delete from paper_scores where paper_id in (:ids)").param("ids", paperIds).update();
		writeScores(state, List.copyOf(paperIds));
	}

	/** Computes every score from the whole history. @return how many papers have a score */
	int rebuild(TrendingState state) {
		this.jdbc.sql("delete from paper_scores").update();
		return writeScores(state, null);
	}

	/**
	 * Computes the scores of the papers (all papers on a daily list when {@code paperIds} is null)
	 * and inserts them, reading each paper's history once, in one pass: for ten million votes this is
	 * far cheaper than summing them in SQL, which H2 does in decimal arithmetic.
	 */
	private int writeScores(TrendingState state, List<String> paperIds) {
		if (paperIds != null && paperIds.isEmpty()) {
			return 0;
		}
		Map<Long, Double> memberSince = memberSince(paperIds);
		TrendingFormula formula = state.formula();
		double epoch = TrendingFormula.seconds(state.epoch());
		OffsetDateTime epochTimestamp = timestamp(state.epoch());
		String filter = (paperIds != null)
				? "where e.paper_id in (" + String.join(", ", Collections.nCopies(paperIds.size(), "?")) + ")"
				: "";
		Integer written = this.template.execute((ConnectionCallback<Integer>) (connection) -> {
			try (PreparedStatement history = connection.prepareStatement(HISTORY.formatted(filter));
					PreparedStatement insert = connection
						.prepareStatement("insert into paper_scores (paper_id, score, epoch) values (?, ?, ?)")) {
				history.setFetchSize(FETCH_SIZE);
				if (paperIds != null) {
					for (int i = 0; i < paperIds.size(); i++) {
						history.setString(i + 1, paperIds.get(i));
					}
				}
				int count = 0;
				try (ResultSet rs = history.executeQuery()) {
					String paper = null;
					double score = 0;
					while (rs.next()) {
						String id = rs.getString(1);
						if (!id.equals(paper)) {
							if (paper != null) {
								add(insert, paper, score, epochTimestamp, ++count);
							}
							paper = id;
							score = formula.imported(rs.getInt(3), seconds(rs, 2), epoch);
						}
						long voter = rs.getLong(4);
						if (!rs.wasNull()) {
							score += formula.vote(seconds(rs, 5), memberSince.getOrDefault(voter, 0.0), epoch);
						}
					}
					if (paper != null) {
						add(insert, paper, score, epochTimestamp, ++count);
					}
				}
				insert.executeBatch();
				return count;
			}
		});
		return (written != null) ? written : 0;
	}

	/** Adds the {@code nth} score to the batch, sending the batch when it is full. */
	private static void add(PreparedStatement insert, String paperId, double score, OffsetDateTime epoch, int nth)
			throws SQLException {
		insert.setString(1, paperId);
		insert.setDouble(2, score);
		insert.setObject(3, epoch);
		insert.addBatch();
		if (nth % BATCH_SIZE == 0) {
			insert.executeBatch();
		}
	}

	/**
	 * When the accounts that voted were created, in seconds since 1970, by user id: of every account
	 * when {@code paperIds} is null (a rebuild reads every vote), else of those that voted for them.
	 */
	private Map<Long, Double> memberSince(List<String> paperIds) {
		Map<Long, Double> since = new HashMap<>();
		String sql = (paperIds != null)
				? "select id, created_at from users where id in (select user_id from votes where paper_id in (:ids))"
				: "select id, created_at from users";
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql).withFetchSize(FETCH_SIZE);
		if (paperIds != null) {
			statement = statement.param("ids", paperIds);
		}
		statement.query((rs) -> {
			since.put(rs.getLong(1), seconds(rs, 2));
		});
		return since;
	}

	private static double seconds(ResultSet rs, int column) throws SQLException {
		return TrendingFormula.seconds(rs.getObject(column, OffsetDateTime.class).toInstant());
	}

	/** Moves every score to a later epoch: multiplies it by {@code factor}, the decay between the two. */
	int rebase(Instant from, Instant to, double factor) {
		return this.jdbc.sql("update paper_scores set score = score * :factor, epoch = :to where epoch = :from")
			.param("factor", factor)
			.param("to", timestamp(to))
			.param("from", timestamp(from))
			.update();
	}

	/** The highest scores, highest first (ties by paper id). */
	List<StoredScore> top(int offset, int limit) {
		return this.jdbc.sql("""
				select paper_id, score, epoch from paper_scores
				order by score desc, paper_id
				limit :limit offset :offset
				""").param("limit", limit).param("offset", offset).query(TrendingRepository::score).list();
	}

	/** The scores of these papers, by paper id; papers without one are left out. */
	Map<String, StoredScore> scores(Collection<String> paperIds) {
		Map<String, StoredScore> scores = new HashMap<>();
		List<String> ids = List.copyOf(paperIds);
		// a submitter's list can hold thousands of papers: keep each statement's parameters few
		for (int from = 0; from < ids.size(); from += 1000) {
			this.jdbc.sql("select paper_id, score, epoch from paper_scores where paper_id in (:ids)")
				.param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
				.query(TrendingRepository::score)
				.list()
				.forEach((score) -> scores.put(score.paperId(), score));
		}
		return scores;
	}

	/** Members' votes on these papers cast after {@code since} and not after {@code until}, by paper id. */
	Map<String, Integer> votesBetween(Collection<String> paperIds, Instant since, Instant until) {
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

	long countScores() {
		return this.jdbc.sql("select count(*) from paper_scores").query(Long.class).single();
	}

	long countVotes() {
		return this.jdbc.sql("select count(*) from votes").query(Long.class).single();
	}

	private static Map<String, Object> stateParameters(TrendingState state, Instant rebuiltAt) {
		return Map.of("epoch", timestamp(state.epoch()), "halfLife", state.halfLife().toSeconds(), "newAccountAge",
				state.newAccountAge().toSeconds(), "rebuiltAt", timestamp(rebuiltAt));
	}

	private static StoredScore score(ResultSet rs, int row) throws SQLException {
		return new StoredScore(rs.getString("paper_id"), rs.getDouble("score"), instant(rs, "epoch"));
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	/** A paper's stored score and the epoch it is stored against. */
	record StoredScore(String paperId, double score, Instant epoch) {
	}

}
