package io.paperboy.search;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the index reads of the catalog's tables besides whole papers: ids in order, and changes. */
@Repository
class SearchRepository {

	private final JdbcClient jdbc;

	SearchRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long countPapers() {
		return this.jdbc.sql("select count(*) from papers").query(Long.class).single();
	}

	/** Up to {@code limit} paper ids after {@code after} (or from the first), in id order: a page of a full scan. */
	List<String> idsAfter(String after, int limit) {
		return this.jdbc.sql("select id from papers where id > :after order by id limit :limit")
			.param("after", (after != null) ? after : "")
			.param("limit", limit)
			.query(String.class)
			.list();
	}

	/** The latest time a paper was written, if any was. */
	Optional<Instant> lastUpdate() {
		return Optional.ofNullable(this.jdbc.sql("select max(updated_at) from papers")
			.query((rs, row) -> rs.getObject(1, OffsetDateTime.class))
			.single()).map(OffsetDateTime::toInstant);
	}

	/** Papers written after {@code since}, in the order (time written, id), at most {@code limit}. */
	List<Change> changedAfter(Instant since, int limit) {
		return this.jdbc.sql("select id, updated_at from papers where updated_at > :since order by updated_at, id limit :limit")
			.param("since", since.atOffset(java.time.ZoneOffset.UTC))
			.param("limit", limit)
			.query((rs, row) -> new Change(rs.getString("id"), rs.getObject("updated_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	/**
	 * Papers written after {@code after} in the order (time written, id), at most {@code limit}: the page
	 * after a page of changes, continuing from its last change. Many papers written in one
	 * batch share a time, so the id tells apart where a page ended within them.
	 */
	List<Change> changedAfter(Change after, int limit) {
		return this.jdbc.sql("""
				select id, updated_at from papers
				where updated_at > :since or (updated_at = :since and id > :id)
				order by updated_at, id limit :limit
				""")
			.param("since", after.updatedAt().atOffset(java.time.ZoneOffset.UTC))
			.param("id", after.paperId())
			.param("limit", limit)
			.query((rs, row) -> new Change(rs.getString("id"), rs.getObject("updated_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	/** A paper written at a time. */
	record Change(String paperId, Instant updatedAt) {
	}

}
