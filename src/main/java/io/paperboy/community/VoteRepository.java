package io.paperboy.community;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Members' votes, in SQL (the count of them on each paper is the catalog's: {@code PaperCounters}). */
@Repository
class VoteRepository {

	private final JdbcClient jdbc;

	VoteRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** When the member's account was created; empty for an unknown user. */
	Optional<Instant> memberSince(long userId) {
		return this.jdbc.sql("select created_at from users where id = :id")
			.param("id", userId)
			.query(OffsetDateTime.class)
			.optional()
			.map(OffsetDateTime::toInstant);
	}

	/** When this member voted for this paper, if they did. */
	Optional<Instant> votedAt(String paperId, long userId) {
		return this.jdbc.sql("select voted_at from votes where paper_id = :paperId and user_id = :userId")
			.param("paperId", paperId)
			.param("userId", userId)
			.query(OffsetDateTime.class)
			.optional()
			.map(OffsetDateTime::toInstant);
	}

	/** Records a vote unless the member already voted for the paper; call with the paper locked. */
	boolean insert(String paperId, long userId, Instant votedAt) {
		// the paper's lock makes "not exists" safe: no other vote on this paper can commit meanwhile
		return this.jdbc.sql("""
				insert into votes (paper_id, user_id, voted_at)
				select :paperId, :userId, :votedAt
				where not exists (select 1 from votes where paper_id = :paperId and user_id = :userId)
				""")
			.param("paperId", paperId)
			.param("userId", userId)
			.param("votedAt", votedAt.atOffset(ZoneOffset.UTC))
			.update() == 1;
	}

	boolean delete(String paperId, long userId) {
		return this.jdbc.sql("delete from votes where paper_id = :paperId and user_id = :userId")
			.param("paperId", paperId)
			.param("userId", userId)
			.update() == 1;
	}

	/** Which of these papers the member voted for. */
	Set<String> votedAmong(long userId, Collection<String> paperIds) {
		if (paperIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc.sql("select paper_id from votes where user_id = :userId and paper_id in (:ids)")
			.param("userId", userId)
			.param("ids", paperIds)
			.query(String.class)
			.list());
	}

	/** The papers the member voted for, the most recent vote first. */
	List<String> votedBy(long userId, int limit) {
		return this.jdbc.sql("""
				select paper_id from votes where user_id = :userId
				order by voted_at desc, paper_id
				limit :limit
				""")
			.param("userId", userId)
			.param("limit", limit)
			.query(String.class)
			.list();
	}

	long countVotedBy(long userId) {
		return this.jdbc.sql("select count(*) from votes where user_id = :userId")
			.param("userId", userId)
			.query(Long.class)
			.single();
	}

}
