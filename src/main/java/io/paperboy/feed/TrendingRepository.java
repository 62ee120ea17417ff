package io.paperboy.feed;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.paperboy.community.VoteLedger;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Trending scores and the state they are stored against, in SQL. Scores are computed from the
 * catalog's daily entries and imported counts and from members' votes and accounts, which this
 * repository reads but never writes; votes only through {@link VoteLedger}, which the community
 * publishes.
 */
@Repository
class TrendingRepository {

	/** Rows read from the database at a time while computing scores. */
	private static final int FETCH_SIZE = 2_000;

	/** Scores written per batch. */
	private static final int BATCH_SIZE = 1_000;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final VoteLedger votes;

	TrendingRepository(JdbcClient jdbc, JdbcTemplate template, VoteLedger votes) {
		this.jdbc = jdbc;
		this.template = template;
		this.votes = votes;
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
	 * and inserts them, reading each paper's history once, in one pass ({@link VoteLedger}): for
	 * ten million votes this is far cheaper than summing them in SQL, which H2 does in decimal
	 * arithmetic.
	 */
	private int writeScores(TrendingState state, List<String> paperIds) {
		if (paperIds != null && paperIds.isEmpty()) {
			return 0;
		}
		Map<Long, Double> memberSince = memberSince(paperIds);
		TrendingFormula formula = state.formula();
		double epoch = TrendingFormula.seconds(state.epoch());
		OffsetDateTime epochTimestamp = timestamp(state.epoch());
		// within the caller's transaction the history and the inserts share one connection
		Integer written = this.template.execute((ConnectionCallback<Integer>) (connection) -> {
			try (PreparedStatement insert = connection
				.prepareStatement("insert into paper_scores (paper_id, score, epoch) values (?, ?, ?)")) {
				ScoreSummer summer = new ScoreSummer(insert, formula, epoch, epochTimestamp, memberSince);
				this.votes.historyOfListedPapers(paperIds, FETCH_SIZE, summer);
				summer.finish();
				insert.executeBatch();
				return summer.count;
			}
		});
		return (written != null) ? written : 0;
	}

	/**
	 * Sums the score of each paper over the rows of its history, which come together, and adds
	 * each sum to the batch of inserts when the next paper's rows begin.
	 */
	private static final class ScoreSummer implements RowCallbackHandler {

		private final PreparedStatement insert;

		private final TrendingFormula formula;

		private final double epoch;

		private final OffsetDateTime epochTimestamp;

		private final Map<Long, Double> memberSince;

		private String paper;

		private double score;

		private int count;

		ScoreSummer(PreparedStatement insert, TrendingFormula formula, double epoch, OffsetDateTime epochTimestamp,
				Map<Long, Double> memberSince) {
			this.insert = insert;
			this.formula = formula;
			this.epoch = epoch;
			this.epochTimestamp = epochTimestamp;
			this.memberSince = memberSince;
		}

		@Override
		public void processRow(ResultSet rs) throws SQLException {
			String id = rs.getString(1);
			if (!id.equals(this.paper)) {
				finish();
				this.paper = id;
				this.score = this.formula.imported(rs.getInt(3), seconds(rs, 2), this.epoch);
			}
			long voter = rs.getLong(4);
			if (!rs.wasNull()) {
				this.score += this.formula.vote(seconds(rs, 5), this.memberSince.getOrDefault(voter, 0.0), this.epoch);
			}
		}

		/** Adds the sum of the paper whose rows were read last, if any. */
		void finish() throws SQLException {
			if (this.paper != null) {
				add(this.insert, this.paper, this.score, this.epochTimestamp, ++this.count);
				this.paper = null;
			}
		}

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
		if (paperIds != null) {
			this.votes.votersSince(paperIds, FETCH_SIZE)
				.forEach((user, created) -> since.put(user, TrendingFormula.seconds(created)));
			return since;
		}
		this.jdbc.sql("select id, created_at from users").withFetchSize(FETCH_SIZE).query((rs) -> {
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
		return this.votes.countCastBetween(paperIds, since, until);
	}

	long countScores() {
		return this.jdbc.sql("select count(*) from paper_scores").query(Long.class).single();
	}

	long countVotes() {
		return this.votes.count();
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
