package io.paperboy.catalog;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Papers, their authors and categories, in SQL. */
@Repository
class PaperRepository {

	private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {
	};

	/** The columns of {@link #insertFromArxiv}'s rows: {@link #parameters}' then arXiv's own. */
	private static final List<String> ARXIV_INSERT_COLUMNS = List.of("id", "version", "title", "summary",
			"published_at", "arxiv_updated_at", "comment", "journal_ref", "doi", "github_repo", "project_page",
			"ai_summary", "ai_keywords", "discussion_id", "imported_upvotes", "imported_comments", "github_stars",
			"snapshot_day", "updated_at", "arxiv_synced_at", "license", "created_at");

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final RowWriter rows;

	private final JsonMapper json;

	PaperRepository(JdbcClient jdbc, JdbcTemplate batch, RowWriter rows, JsonMapper json) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.rows = rows;
		this.json = json;
	}

	Optional<StoredPaper> find(String id) {
		return Optional.ofNullable(findStored(List.of(id)).get(id));
	}

	/** Papers by id with authors and categories, in the order of the ids given. */
	Map<String, Paper> findAll(Collection<String> ids) {
		Map<String, Paper> papers = new LinkedHashMap<>();
		findStored(ids).forEach((id, stored) -> papers.put(id, stored.paper()));
		return papers;
	}

	/** Stored papers by id, with the snapshot day that last wrote each, in the order of the ids given. */
	Map<String, StoredPaper> findStored(Collection<String> ids) {
		Map<String, StoredPaper> papers = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return papers;
		}
		Map<String, StoredPaper> bare = new LinkedHashMap<>();
		this.jdbc.sql("select * from papers where id in (:ids)")
			.param("ids", ids)
			.query((rs, row) -> new StoredPaper(mapPaper(rs, List.of(), List.of()), localDate(rs, "snapshot_day"),
					instant(rs, "arxiv_synced_at"), rs.getString("license")))
			.list()
			.forEach((stored) -> bare.put(stored.paper().id(), stored));
		if (bare.isEmpty()) {
			return papers;
		}
		Map<String, List<Author>> authors = authorsOf(bare.keySet());
		Map<String, List<String>> categories = categoriesOf(bare.keySet());
		for (String id : ids) {
			StoredPaper stored = bare.get(id);
			if (stored != null) {
				papers.put(id, new StoredPaper(with(stored.paper(), authors.getOrDefault(id, List.of()),
						categories.getOrDefault(id, List.of())), stored.snapshotDay(), stored.arxivSyncedAt(),
						stored.license()));
			}
		}
		return papers;
	}

	void insert(Paper paper, LocalDate snapshotDay, Instant now) {
		this.jdbc.sql("""
				insert into papers (id, version, title, summary, published_at, arxiv_updated_at, comment, journal_ref, doi,
				    github_repo, project_page, ai_summary, ai_keywords, discussion_id, imported_upvotes, imported_comments,
				    github_stars, snapshot_day, created_at, updated_at)
				values (:id, :version, :title, :summary, :publishedAt, :arxivUpdatedAt, :comment, :journalRef, :doi,
				    :githubRepo, :projectPage, :aiSummary, :aiKeywords, :discussionId, :importedUpvotes, :importedComments,
				    :githubStars, :snapshotDay, :now, :now)
				""").paramSource(parameters(paper, snapshotDay, now)).update();
		writeAuthorsAndCategories(paper);
	}

	void update(Paper paper, LocalDate snapshotDay, Instant now) {
		this.jdbc.sql("""
				update papers set version = :version, title = :title, summary = :summary, published_at = :publishedAt,
				    arxiv_updated_at = :arxivUpdatedAt, comment = :comment, journal_ref = :journalRef, doi = :doi,
				    github_repo = :githubRepo, project_page = :projectPage, ai_summary = :aiSummary,
				    ai_keywords = :aiKeywords, discussion_id = :discussionId, imported_upvotes = :importedUpvotes,
				    imported_comments = :importedComments, github_stars = :githubStars, snapshot_day = :snapshotDay,
				    updated_at = :now
				where id = :id
				""").paramSource(parameters(paper, snapshotDay, now)).update();
		this.jdbc.sql("delete from paper_authors where paper_id = :id").param("id", paper.id()).update();
		this.jdbc.sql("delete from paper_categories where paper_id = :id").param("id", paper.id()).update();
		writeAuthorsAndCategories(paper);
	}

	/**
	 * Inserts papers arXiv describes, with their authors, categories and versions, in a few batched
	 * statements whatever their number (the bulk snapshot saves thousands at a time): on PostgreSQL
	 * each table's rows in one {@code COPY} (see {@link RowWriter}), the rows that point at the new
	 * papers without a foreign-key check each ({@link RowWriter#trustingOwnRows}).
	 * @param versions versions of these papers only
	 */
	void insertFromArxiv(List<ArxivWrite> papers, Map<String, List<PaperVersion>> versions, Instant now) {
		if (papers.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>(papers.size());
		for (ArxivWrite write : papers) {
			Object[] row = columns(write.paper(), null, now);
			rows.add(append(row, timestamp(now), write.license(), timestamp(now)));
		}
		this.rows.insert("papers", ARXIV_INSERT_COLUMNS, rows);
		// every row below points at a paper just inserted
		this.rows.trustingOwnRows(() -> {
			writeAuthorsAndCategories(papers.stream().map(ArxivWrite::paper).toList());
			insertVersions(versions);
		});
	}

	/**
	 * Rewrites papers with what arXiv says of them, in a few batched statements whatever their
	 * number; {@link ArxivWrite#snapshotDay()} is kept as stored.
	 */
	void updateFromArxiv(List<ArxivWrite> papers, Instant now) {
		if (papers.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>(papers.size());
		for (ArxivWrite write : papers) {
			Object[] row = columns(write.paper(), write.snapshotDay(), now);
			// the id moves from the first column to the where clause
			Object[] update = append(Arrays.copyOfRange(row, 1, row.length), timestamp(now), write.license(),
					write.paper().id());
			rows.add(update);
		}
		this.batch.batchUpdate("""
				update papers set version = ?, title = ?, summary = ?, published_at = ?, arxiv_updated_at = ?,
				    comment = ?, journal_ref = ?, doi = ?, github_repo = ?, project_page = ?, ai_summary = ?,
				    ai_keywords = ?, discussion_id = ?, imported_upvotes = ?, imported_comments = ?, github_stars = ?,
				    snapshot_day = ?, updated_at = ?, arxiv_synced_at = ?, license = ?
				where id = ?
				""", rows);
		List<String> ids = papers.stream().map((write) -> write.paper().id()).toList();
		this.jdbc.sql("delete from paper_authors where paper_id in (:ids)").param("ids", ids).update();
		this.jdbc.sql("delete from paper_categories where paper_id in (:ids)").param("ids", ids).update();
		writeAuthorsAndCategories(papers.stream().map(ArxivWrite::paper).toList());
	}

	/**
	 * What arXiv says of a paper, to store.
	 *
	 * @param paper the paper as it is to be stored
	 * @param license the licence arXiv gives, if any
	 * @param snapshotDay the day of the daily-list snapshot that last wrote it, kept as it is
	 */
	record ArxivWrite(Paper paper, String license, LocalDate snapshotDay) {
	}

	/** The versions of these papers, oldest first, by paper id. */
	Map<String, List<PaperVersion>> versionsOf(Collection<String> ids) {
		Map<String, List<PaperVersion>> versions = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return versions;
		}
		this.jdbc.sql("select * from paper_versions where paper_id in (:ids) order by paper_id, version")
			.param("ids", ids)
			.query((rs) -> {
				versions.computeIfAbsent(rs.getString("paper_id"), (id) -> new ArrayList<>())
					.add(new PaperVersion(rs.getInt("version"), instant(rs, "submitted_at"), rs.getString("size")));
			});
		return versions;
	}

	/** Records versions not recorded yet, of several papers in one batch. */
	void insertVersions(Map<String, List<PaperVersion>> versionsByPaper) {
		List<Object[]> versionRows = new ArrayList<>();
		versionsByPaper.forEach((paperId, versions) -> {
			for (PaperVersion version : versions) {
				versionRows.add(new Object[] { paperId, version.number(), timestamp(version.submittedAt()), version.size() });
			}
		});
		this.rows.insert("paper_versions", List.of("paper_id", "version", "submitted_at", "size"), versionRows);
	}

	/**
	 * Ids of the papers most recently published on arXiv, newest first, optionally of one primary
	 * category.
	 */
	List<String> newestIds(String primaryCategory, int offset, int limit) {
		return this.jdbc.sql("""
				select p.id from papers p
				where p.published_at is not null
				  and (cast(:category as varchar) is null or exists (select 1 from paper_categories c
				      where c.paper_id = p.id and c.position = 0 and c.category = :category))
				order by p.published_at desc, p.id desc
				offset :offset rows fetch next :limit rows only
				""")
			.param("category", primaryCategory)
			.param("offset", offset)
			.param("limit", limit)
			.query(String.class)
			.list();
	}

	/** How many papers {@link #newestIds} pages through. */
	long countPublished(String primaryCategory) {
		return this.jdbc.sql("""
				select count(*) from papers p
				where p.published_at is not null
				  and (cast(:category as varchar) is null or exists (select 1 from paper_categories c
				      where c.paper_id = p.id and c.position = 0 and c.category = :category))
				""").param("category", primaryCategory).query(Long.class).single();
	}

	/** The primary categories with the most papers, most first. */
	List<String> busiestPrimaryCategories(int limit) {
		return this.jdbc.sql("""
				select category from paper_categories where position = 0
				group by category order by count(*) desc, category
				fetch first :limit rows only
				""").param("limit", limit).query(String.class).list();
	}

	/**
	 * Ids of the papers whose authors include one with this {@link Author#nameKey key}, most recently
	 * published first (papers without a date last). Through the index on the key: the cost follows the
	 * author's papers, not the catalog's.
	 */
	List<String> idsByAuthor(String nameKey, int offset, int limit) {
		return this.jdbc.sql("""
				select p.id from papers p
				where p.id in (select a.paper_id from paper_authors a where a.name_key = :key)
				order by p.published_at desc nulls last, p.id desc
				offset :offset rows fetch next :limit rows only
				""")
			.param("key", nameKey)
			.param("offset", offset)
			.param("limit", limit)
			.query(String.class)
			.list();
	}

	/** What the catalog holds of the author with this {@link Author#nameKey key}, if any paper names them. */
	Optional<AuthorSummary> authorSummary(String nameKey) {
		return this.jdbc.sql("""
				select count(*) as papers, min(p.published_at) as first_published, max(p.published_at) as last_published,
				    coalesce(sum(p.imported_upvotes + p.member_votes), 0) as upvotes
				from papers p
				where p.id in (select a.paper_id from paper_authors a where a.name_key = :key)
				""")
			.param("key", nameKey)
			.query((rs, row) -> new AuthorSummary(null, rs.getLong("papers"), instant(rs, "first_published"),
					instant(rs, "last_published"), rs.getLong("upvotes")))
			.optional()
			.filter((summary) -> summary.papers() > 0)
			.map((summary) -> new AuthorSummary(spelling(nameKey), summary.papers(), summary.firstPublished(),
					summary.lastPublished(), summary.upvotes()));
	}

	/** The spelling of a name that most papers use, for the heading of the author's page. */
	private String spelling(String nameKey) {
		return this.jdbc.sql("""
				select name from paper_authors where name_key = :key
				group by name order by count(*) desc, name
				fetch first 1 rows only
				""").param("key", nameKey).query(String.class).single();
	}

	long count() {
		return this.jdbc.sql("select count(*) from papers").query(Long.class).single();
	}

	/** Ids of the papers published, or placed on a daily list, at or after {@code since}. */
	List<String> recentIds(Instant since) {
		return this.jdbc.sql("""
				select id from papers where published_at >= :since
				union
				select paper_id from daily_entries where submitted_at >= :since
				order by 1
				""").param("since", timestamp(since)).query(String.class).list();
	}

	/**
	 * Papers listed on a daily list of a day from {@code first} to {@code last}, or published from
	 * {@code since} (inclusive) to {@code until} (exclusive), the most recent first; a paper a curator hid
	 * from its day is in no window.
	 */
	List<String> idsInWindow(LocalDate first, LocalDate last, Instant since, Instant until, int limit) {
		return this.jdbc.sql("""
				select w.id from (
				    select e.paper_id as id, e.submitted_at as at from daily_entries e
				    where e.list_day between :first and :last and e.hidden_at is null
				    union all
				    select p.id as id, p.published_at as at from papers p
				    where p.published_at >= :since and p.published_at < :until
				    and not exists (select 1 from daily_entries h where h.paper_id = p.id and h.hidden_at is not null)
				) w
				group by w.id
				order by max(w.at) desc, w.id
				limit :limit
				""")
			.param("first", Date.valueOf(first))
			.param("last", Date.valueOf(last))
			.param("since", timestamp(since))
			.param("until", timestamp(until))
			.param("limit", limit)
			.query(String.class)
			.list();
	}

	/** Of these papers, the ones with an author of one of these keys, each with that author's name. */
	Map<String, String> authorsAmong(Collection<String> paperIds, Collection<String> nameKeys) {
		Map<String, String> found = new LinkedHashMap<>();
		if (paperIds.isEmpty() || nameKeys.isEmpty()) {
			return found;
		}
		this.jdbc.sql("""
				select paper_id, name from paper_authors
				where name_key in (:keys) and paper_id in (:ids) and hidden = false
				order by paper_id, position
				""")
			.param("keys", nameKeys)
			.param("ids", paperIds)
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.forEach((entry) -> found.putIfAbsent(entry.getKey(), entry.getValue()));
		return found;
	}

	/**
	 * Of these papers, the ones in one of these categories, each with the first such category (in the
	 * paper's order) and its upvotes (imported and members').
	 */
	List<CategoryMatch> categoriesAmong(Collection<String> paperIds, Collection<String> categories) {
		Map<String, CategoryMatch> found = new LinkedHashMap<>();
		if (paperIds.isEmpty() || categories.isEmpty()) {
			return List.of();
		}
		this.jdbc.sql("""
				select c.paper_id, c.category, p.imported_upvotes + p.member_votes from paper_categories c
				join papers p on p.id = c.paper_id
				where c.category in (:categories) and c.paper_id in (:ids)
				order by c.paper_id, c.position
				""")
			.param("categories", categories)
			.param("ids", paperIds)
			.query((rs, row) -> new CategoryMatch(rs.getString(1), rs.getString(2), rs.getInt(3)))
			.list()
			.forEach((match) -> found.putIfAbsent(match.paperId(), match));
		return List.copyOf(found.values());
	}

	/** A paper in one of the categories asked for. */
	record CategoryMatch(String paperId, String category, int upvotes) {
	}

	/** Papers on a daily list that have no category, the most recently listed first. */
	List<String> listedIdsWithoutCategories(int limit) {
		return this.jdbc.sql("""
				select e.paper_id from daily_entries e
				where not exists (select 1 from paper_categories c where c.paper_id = e.paper_id)
				order by e.submitted_at desc, e.paper_id
				limit :limit
				""").param("limit", limit).query(String.class).list();
	}

	/** The columns of {@link #parameters}, in the same order, for positional batches. */
	private Object[] columns(Paper paper, LocalDate snapshotDay, Instant now) {
		return parameters(paper, snapshotDay, now).values().toArray();
	}

	private static Object[] append(Object[] row, Object... more) {
		Object[] longer = Arrays.copyOf(row, row.length + more.length);
		System.arraycopy(more, 0, longer, row.length, more.length);
		return longer;
	}

	private Map<String, Object> parameters(Paper paper, LocalDate snapshotDay, Instant now) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("id", paper.id());
		parameters.put("version", paper.version());
		parameters.put("title", paper.title());
		parameters.put("summary", paper.summary());
		parameters.put("publishedAt", timestamp(paper.publishedAt()));
		parameters.put("arxivUpdatedAt", timestamp(paper.arxivUpdatedAt()));
		parameters.put("comment", paper.comment());
		parameters.put("journalRef", paper.journalRef());
		parameters.put("doi", paper.doi());
		parameters.put("githubRepo", paper.githubRepo());
		parameters.put("projectPage", paper.projectPage());
		parameters.put("aiSummary", paper.aiSummary());
		parameters.put("aiKeywords", paper.aiKeywords().isEmpty() ? null : this.json.writeValueAsString(paper.aiKeywords()));
		parameters.put("discussionId", paper.discussionId());
		parameters.put("importedUpvotes", paper.importedUpvotes());
		parameters.put("importedComments", paper.importedComments());
		parameters.put("githubStars", paper.githubStars());
		parameters.put("snapshotDay", (snapshotDay != null) ? Date.valueOf(snapshotDay) : null);
		parameters.put("now", timestamp(now));
		return parameters;
	}

	private void writeAuthorsAndCategories(Paper paper) {
		writeAuthorsAndCategories(List.of(paper));
	}

	/** One batch of authors and one of categories for all the papers: few round trips. */
	private void writeAuthorsAndCategories(List<Paper> papers) {
		List<Object[]> authorRows = new ArrayList<>();
		List<Object[]> categoryRows = new ArrayList<>();
		for (Paper paper : papers) {
			for (int i = 0; i < paper.authors().size(); i++) {
				Author author = paper.authors().get(i);
				authorRows.add(new Object[] { paper.id(), i, author.name(), Author.nameKey(author.name()),
						author.sourceId(), author.hidden(),
						author.affiliations().isEmpty() ? null : this.json.writeValueAsString(author.affiliations()) });
			}
			for (int i = 0; i < paper.categories().size(); i++) {
				categoryRows.add(new Object[] { paper.id(), i, paper.categories().get(i) });
			}
		}
		this.rows.insert("paper_authors", List.of("paper_id", "position", "name", "name_key", "hf_author_id", "hidden",
				"affiliations"),
				authorRows);
		this.rows.insert("paper_categories", List.of("paper_id", "position", "category"), categoryRows);
	}

	private Map<String, List<Author>> authorsOf(Collection<String> ids) {
		Map<String, List<Author>> authors = new LinkedHashMap<>();
		this.jdbc.sql("select * from paper_authors where paper_id in (:ids) order by paper_id, position")
			.param("ids", ids)
			.query((rs) -> {
				authors.computeIfAbsent(rs.getString("paper_id"), (id) -> new ArrayList<>())
					.add(new Author(rs.getString("name"), rs.getString("hf_author_id"), rs.getBoolean("hidden"),
							affiliations(rs.getString("affiliations"))));
			});
		return authors;
	}

	private Map<String, List<String>> categoriesOf(Collection<String> ids) {
		Map<String, List<String>> categories = new LinkedHashMap<>();
		this.jdbc.sql("select * from paper_categories where paper_id in (:ids) order by paper_id, position")
			.param("ids", ids)
			.query((rs) -> {
				categories.computeIfAbsent(rs.getString("paper_id"), (id) -> new ArrayList<>())
					.add(rs.getString("category"));
			});
		return categories;
	}

	private static Paper with(Paper paper, List<Author> authors, List<String> categories) {
		return new Paper(paper.id(), paper.version(), paper.title(), paper.summary(), paper.publishedAt(),
				paper.arxivUpdatedAt(), authors, categories, paper.comment(), paper.journalRef(), paper.doi(),
				paper.githubRepo(), paper.githubStars(), paper.projectPage(), paper.aiSummary(), paper.aiKeywords(),
				paper.discussionId(), paper.importedUpvotes(), paper.importedComments(), paper.memberVotes(),
				paper.memberComments());
	}

	private Paper mapPaper(ResultSet rs, List<Author> authors, List<String> categories) throws SQLException {
		String keywords = rs.getString("ai_keywords");
		return new Paper(rs.getString("id"), (Integer) rs.getObject("version", Integer.class), rs.getString("title"),
				rs.getString("summary"), instant(rs, "published_at"), instant(rs, "arxiv_updated_at"), authors,
				categories, rs.getString("comment"), rs.getString("journal_ref"), rs.getString("doi"),
				rs.getString("github_repo"), rs.getObject("github_stars", Integer.class), rs.getString("project_page"),
				rs.getString("ai_summary"), (keywords != null) ? this.json.readValue(keywords, STRING_LIST) : List.of(),
				rs.getString("discussion_id"), rs.getInt("imported_upvotes"), rs.getInt("imported_comments"),
				rs.getInt("member_votes"), rs.getInt("member_comments"));
	}

	private List<String> affiliations(String json) {
		return (json != null) ? this.json.readValue(json, STRING_LIST) : List.of();
	}

	static OffsetDateTime timestamp(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	static LocalDate localDate(ResultSet rs, String column) throws SQLException {
		Date value = rs.getDate(column);
		return (value != null) ? value.toLocalDate() : null;
	}

	/**
	 * A paper with what decides how a source may change it.
	 *
	 * @param paper the paper
	 * @param snapshotDay the day of the daily-list snapshot that last wrote it, if one did
	 * @param arxivSyncedAt when arXiv metadata last wrote it, if ever
	 * @param license the licence arXiv gives, if any
	 */
	record StoredPaper(Paper paper, LocalDate snapshotDay, Instant arxivSyncedAt, String license) {

		boolean describedByArxiv() {
			return this.arxivSyncedAt != null;
		}

	}

}
