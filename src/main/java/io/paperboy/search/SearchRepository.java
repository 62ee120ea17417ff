package io.paperboy.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the index reads of the catalog's tables besides whole papers: papers in a rebuild's order, and changes. */
@Repository
class SearchRepository {

	private final JdbcClient jdbc;

	SearchRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long countPapers() {
		return this.jdbc.sql("select count(*) from papers").query(Long.class).single();
	}

	/**
	 * Up to {@code limit} papers after {@code after} (or from the first) in the order a rebuild reads
	 * them: newest first by publication time, then by id, and the papers without a time last, by id
	 * from the highest. Readers look for the newest papers, so a rebuild that shows its progress makes
	 * them searchable first; ids alone would not do ({@code hep-th/9901001} sorts after
	 * {@code 2506.00001}). Keyset pages over the index {@code papers_published (published_at, id)}, read
	 * backwards, so each page costs the same however far the rebuild has come.
	 */
	List<Place> newestAfter(Place after, int limit) {
		List<Place> page = new ArrayList<>(limit);
		if (after == null) {
			page.addAll(this.jdbc.sql("""
					select id, published_at from papers where published_at is not null
					order by published_at desc, id desc limit :limit
					""").param("limit", limit).query(SearchRepository::place).list());
		}
		else if (after.publishedAt() != null) {
			page.addAll(this.jdbc.sql("""
					select id, published_at from papers
					where published_at <= :published and (published_at < :published or id < :id)
					order by published_at desc, id desc limit :limit
					""")
				.param("published", after.publishedAt().atOffset(ZoneOffset.UTC))
				.param("id", after.paperId())
				.param("limit", limit)
				.query(SearchRepository::place)
				.list());
		}
		if (page.size() < limit) {
			boolean within = after != null && after.publishedAt() == null;
			page.addAll(this.jdbc.sql("select id, published_at from papers where published_at is null"
					+ (within ? " and id < :below" : "") + " order by id desc limit :limit")
				.params((within) ? Map.of("below", after.paperId(), "limit", limit - page.size())
						: Map.of("limit", limit - page.size()))
				.query(SearchRepository::place)
				.list());
		}
		return page;
	}

	private static Place place(ResultSet rs, int row) throws SQLException {
		OffsetDateTime published = rs.getObject("published_at", OffsetDateTime.class);
		return new Place(rs.getString("id"), (published != null) ? published.toInstant() : null);
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

	/** A paper's place in a rebuild's order: its id and publication time ({@code null} when unknown). */
	record Place(String paperId, Instant publishedAt) {
	}

	/** A paper written at a time. */
	record Change(String paperId, Instant updatedAt) {
	}

	/** The look at papers' rows of {@link #stamps}; on H2 an index holds its columns (migration V22). */
	static final String STAMPS = "select id, updated_at, member_votes, member_comments from papers where id in (:ids)";

	/**
	 * What tells whether a paper read earlier is still as it was, for those of these papers that
	 * exist: one look at each paper's row, without its authors, categories or daily entry.
	 */
	Map<String, RowStamp> stamps(Collection<String> ids) {
		Map<String, RowStamp> stamps = new HashMap<>();
		if (ids.isEmpty()) {
			return stamps;
		}
		this.jdbc.sql(STAMPS)
			.param("ids", ids)
			.query((rs) -> {
				OffsetDateTime written = rs.getObject("updated_at", OffsetDateTime.class);
				stamps.put(rs.getString("id"), new RowStamp((written != null) ? written.toInstant() : null,
						rs.getInt("member_votes"), rs.getInt("member_comments")));
			});
		return stamps;
	}

	/**
	 * When a paper's row was last written (by an import, an edit, from any process), and the counts
	 * the site keeps on it without rewriting it (members' votes and comments).
	 */
	record RowStamp(Instant updatedAt, int memberVotes, int memberComments) {
	}

}
