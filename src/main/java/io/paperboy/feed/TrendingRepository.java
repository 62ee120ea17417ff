package io.paperboy.feed;

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
	 * Every term of {@link TrendingFormula}, summed in the database so that a rebuild does not carry
	 * ten million votes to the application. {@code %1$s} narrows the votes, {@code %2$s} the entries.
	 * Times become seconds since 1970 as doubles (microsecond resolution at today's dates).
	 */
	private static final String SCORES = """
			insert into paper_scores (paper_id, score, epoch)
			select e.paper_id,
			    p.imported_upvotes
			        * power(2.0, (cast(extract(epoch from e.submitted_at) as double precision) - :epochSecond) / :halfLife)
			        + coalesce(m.score, 0),
			    :epoch
			from daily_entries e
			join papers p on p.id = e.paper_id
			left join (
			    select v.paper_id,
			        sum(least(1.0, greatest(0.0, (cast(extract(epoch from v.voted_at) as double precision)
			                    - cast(extract(epoch from u.created_at) as double precision)) / :newAccountAge))
			            * power(2.0, (cast(extract(epoch from v.voted_at) as double precision) - :epochSecond) / :halfLife))
			            as score
			    from votes v
			    join users u on u.id = v.user_id
			    %1$s
			    group by v.paper_id
			) m on m.paper_id = e.paper_id
			%2$s
			""";

	private final JdbcClient jdbc;

	TrendingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The stored state; with {@code lock}, its row stays locked until the transaction ends. */
	Optional<TrendingState> state(boolean lock) {
		return this.jdbc
			.sql("select epoch, half_life_seconds, new_account_age_seconds from trending_state where id = 1"
					+ (lock ? " for update" : ""))
			.query((rs, row) -> new TrendingState(instant(rs, "epoch"),
					Duration.ofSeconds(rs.getLong("half_life_seconds")),
					Duration.ofSeconds(rs.getLong("new_account_age_seconds"))))
			.optional();
	}

	void saveState(TrendingState state, Instant rebuiltAt) {
		int updated = this.jdbc.sql("""
				update trending_state set epoch = :epoch, half_life_seconds = :halfLife,
				    new_account_age_seconds = :newAccountAge, rebuilt_at = :rebuiltAt
				where id = 1
				""").paramSource(stateParameters(state, rebuiltAt)).update();
		if (updated == 0) {
			this.jdbc.sql("""
					insert into trending_state (id, epoch, half_life_seconds, new_account_age_seconds, rebuilt_at)
					values (1, :epoch, :halfLife, :newAccountAge, :rebuiltAt)
					""").paramSource(stateParameters(state, rebuiltAt)).update();
		}
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

	/** Locks the papers' rows until the transaction ends (votes take the same lock, see {@code Votes}). */
	void lockPapers(Collection<String> paperIds) {
		this.jdbc.sql("select id from papers where id in (:ids) for update").param("ids", paperIds).query(String.class).list();
	}

	/** Computes the scores of these papers from their whole history; papers on no daily list get none. */
	void recompute(Collection<String> paperIds, TrendingState state) {
		this.jdbc.sql("delete from paper_scores where paper_id in (:ids)").param("ids", paperIds).update();
		Map<String, Object> parameters = new HashMap<>(formulaParameters(state));
		parameters.put("ids", paperIds);
		this.jdbc.sql(SCORES.formatted("where v.paper_id in (:ids)", "where e.paper_id in (:ids)"))
			.paramSource(parameters)
			.update();
	}

	/** Computes every score from the whole history. @return how many papers have a score */
	int rebuild(TrendingState state) {
		this.jdbc.sql("delete from paper_scores").update();
		return this.jdbc.sql(SCORES.formatted("", "")).paramSource(formulaParameters(state)).update();
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
			this.jdbc.sql("""
					select paper_id, count(*) from votes
					where paper_id in (:ids) and voted_at > :since and voted_at <= :until
					group by paper_id
					""")
				.param("ids", paperIds)
				.param("since", timestamp(since))
				.param("until", timestamp(until))
				.query((rs) -> {
					counts.put(rs.getString(1), rs.getInt(2));
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

	private static Map<String, Object> formulaParameters(TrendingState state) {
		Instant epoch = state.epoch();
		return Map.of("epochSecond", epoch.getEpochSecond() + epoch.getNano() / 1e9, "halfLife",
				(double) state.halfLife().toSeconds(), "newAccountAge", (double) state.newAccountAge().toSeconds(),
				"epoch", timestamp(epoch));
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
