package io.paperboy.catalog;

import java.util.Collection;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The counts a paper shows of what members did (votes, comments), which other features keep, and
 * the lock on a paper's row that puts their changes one after another. The catalog owns the
 * {@code papers} table: the counts are written here only, inside the caller's transaction; the
 * caller publishes its own event (a vote's, a comment's), so nothing here publishes one.
 */
@Repository
public class PaperCounters {

	private final JdbcClient jdbc;

	PaperCounters(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Locks the paper's row until the transaction ends. Every change to a paper's votes or visible
	 * comments, and every recomputation of its trending score, takes this lock first, so they happen
	 * one after another per paper.
	 * @return false when there is no such paper
	 */
	public boolean lock(String paperId) {
		return this.jdbc.sql("select id from papers where id = :id for update")
			.param("id", paperId)
			.query(String.class)
			.optional()
			.isPresent();
	}

	/** Locks the rows of these papers until the transaction ends (see {@link #lock(String)}). */
	public void lock(Collection<String> paperIds) {
		this.jdbc.sql("select id from papers where id in (:ids) for update").param("ids", paperIds).query(String.class).list();
	}

	/** Adds {@code change} (+1 or -1) to the paper's count of members' votes; call with the paper locked. */
	public void addMemberVotes(String paperId, int change) {
		this.jdbc.sql("update papers set member_votes = member_votes + :change where id = :id")
			.param("change", change)
			.param("id", paperId)
			.update();
	}

	/** The upvotes a paper shows: those imported plus members' votes; empty for an unknown paper. */
	public Optional<Integer> upvotes(String paperId) {
		return this.jdbc.sql("select imported_upvotes + member_votes from papers where id = :id")
			.param("id", paperId)
			.query(Integer.class)
			.optional();
	}

	/** Sets the paper's count of comments everyone can see; call with the paper locked. */
	public void setMemberComments(String paperId, long count) {
		this.jdbc.sql("update papers set member_comments = :count where id = :id")
			.param("count", count)
			.param("id", paperId)
			.update();
	}

}
