package io.paperboy.community;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.paperboy.account.User;
import io.paperboy.catalog.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Comments, their reports, and the count of visible comments kept on each paper, in SQL. */
@Repository
class CommentRepository {

	private static final String COLUMNS = """
			c.id, c.paper_id, c.parent_id, c.markdown, c.created_at, c.edited_at, c.deleted_at, c.hidden_at,
			u.id as author_id, u.username, u.display_name, u.avatar_url
			""";

	private static final String SELECT = "select " + COLUMNS + " from comments c join users u on u.id = c.author_id";

	/**
	 * What everyone sees: not deleted, not hidden, and not a reply to a hidden comment (hiding a
	 * comment hides its thread). A reply to a deleted comment still stands.
	 */
	private static final String VISIBLE = """
			c.deleted_at is null and c.hidden_at is null
			and (c.parent_id is null or not exists (select 1 from comments p where p.id = c.parent_id and p.hidden_at is not null))
			""";

	private final JdbcClient jdbc;

	CommentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean paperExists(String paperId) {
		return this.jdbc.sql("select count(*) from papers where id = :id").param("id", paperId).query(Long.class).single() > 0;
	}

	long insert(String paperId, Long parentId, long authorId, String markdown, Instant createdAt) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into comments (paper_id, parent_id, author_id, markdown, created_at)
				values (:paperId, :parentId, :authorId, :markdown, :createdAt)
				""")
			.param("paperId", paperId)
			.param("parentId", parentId, java.sql.Types.BIGINT)
			.param("authorId", authorId)
			.param("markdown", markdown)
			.param("createdAt", timestamp(createdAt))
			.update(key, "id");
		return key.getKeyAs(Number.class).longValue();
	}

	Optional<Comment> find(long id) {
		return this.jdbc.sql(SELECT + " where c.id = :id").param("id", id).query(this::comment).optional();
	}

	/** Every comment on the paper, deleted and hidden ones too, oldest first. */
	List<Comment> onPaper(String paperId) {
		return this.jdbc.sql(SELECT + " where c.paper_id = :paperId order by c.created_at, c.id")
			.param("paperId", paperId)
			.query(this::comment)
			.list();
	}

	/** The member's comments that everyone can see, newest first, with their papers' titles. */
	List<UserComment> visibleBy(long authorId, int limit) {
		return this.jdbc.sql("""
				select c.id, c.paper_id, p.title, c.created_at, c.edited_at, c.markdown
				from comments c join papers p on p.id = c.paper_id
				where c.author_id = :authorId and
				""" + VISIBLE + """
				order by c.created_at desc, c.id desc
				limit :limit
				""")
			.param("authorId", authorId)
			.param("limit", limit)
			.query((rs, row) -> new UserComment(rs.getLong("id"), rs.getString("paper_id"),
					Text.unwrap(rs.getString("title")), instant(rs, "created_at"),
					instant(rs, "edited_at"), rs.getString("markdown"), CommentMarkdown.html(rs.getString("markdown"))))
			.list();
	}

	void updateText(long id, String markdown, Instant editedAt) {
		this.jdbc.sql("update comments set markdown = :markdown, edited_at = :editedAt where id = :id")
			.param("markdown", markdown)
			.param("editedAt", timestamp(editedAt))
			.param("id", id)
			.update();
	}

	/** Marks the comment deleted and forgets its text: what the author took back is not kept. */
	void markDeleted(long id, Instant deletedAt) {
		this.jdbc.sql("update comments set markdown = '', deleted_at = :deletedAt where id = :id")
			.param("deletedAt", timestamp(deletedAt))
			.param("id", id)
			.update();
	}

	/** Deletes the reports this member made; the comments they reported stay as they are. */
	int deleteReportsBy(long reporterId) {
		return this.jdbc.sql("delete from comment_reports where reporter_id = :reporterId")
			.param("reporterId", reporterId)
			.update();
	}

	void hide(long id, long curatorId, Instant hiddenAt) {
		this.jdbc.sql("update comments set hidden_at = :hiddenAt, hidden_by = :curatorId where id = :id")
			.param("hiddenAt", timestamp(hiddenAt))
			.param("curatorId", curatorId)
			.param("id", id)
			.update();
	}

	void unhide(long id) {
		this.jdbc.sql("update comments set hidden_at = null, hidden_by = null where id = :id").param("id", id).update();
	}

	/** How many of the paper's comments everyone can see. */
	long countVisible(String paperId) {
		return this.jdbc.sql("select count(*) from comments c where c.paper_id = :id and " + VISIBLE)
			.param("id", paperId)
			.query(Long.class)
			.single();
	}

	/** Records a report unless the member already reported the comment. */
	boolean insertReport(long commentId, long reporterId, String reason, Instant reportedAt) {
		return this.jdbc.sql("""
				insert into comment_reports (comment_id, reporter_id, reason, reported_at)
				select :commentId, :reporterId, :reason, :reportedAt
				where not exists (select 1 from comment_reports where comment_id = :commentId and reporter_id = :reporterId)
				""")
			.param("commentId", commentId)
			.param("reporterId", reporterId)
			.param("reason", reason, java.sql.Types.VARCHAR)
			.param("reportedAt", timestamp(reportedAt))
			.update() == 1;
	}

	/** Which of the paper's comments this member has reported. */
	Set<Long> reportedBy(long reporterId, String paperId) {
		return Set.copyOf(this.jdbc.sql("""
				select r.comment_id from comment_reports r join comments c on c.id = r.comment_id
				where r.reporter_id = :reporterId and c.paper_id = :paperId
				""")
			.param("reporterId", reporterId)
			.param("paperId", paperId)
			.query(Long.class)
			.list());
	}

	/** Reported comments not deleted by their authors, most recently reported first. */
	List<ReportedComment> reported(int limit) {
		record Tally(long commentId, int reports, Instant lastReportedAt) {
		}
		List<Tally> tallies = this.jdbc.sql("""
				select r.comment_id, count(*) as reports, max(r.reported_at) as last_reported_at
				from comment_reports r join comments c on c.id = r.comment_id
				where c.deleted_at is null
				group by r.comment_id
				order by last_reported_at desc, r.comment_id
				limit :limit
				""")
			.param("limit", limit)
			.query((rs, row) -> new Tally(rs.getLong("comment_id"), rs.getInt("reports"),
					instant(rs, "last_reported_at")))
			.list();
		if (tallies.isEmpty()) {
			return List.of();
		}
		List<Long> ids = tallies.stream().map(Tally::commentId).toList();
		Map<Long, Comment> comments = new LinkedHashMap<>();
		Map<Long, String> titles = new LinkedHashMap<>();
		this.jdbc.sql("select p.title, " + COLUMNS + """
				from comments c join users u on u.id = c.author_id join papers p on p.id = c.paper_id
				where c.id in (:ids)
				""")
			.param("ids", ids)
			.query((rs) -> {
				Comment comment = comment(rs, 0);
				comments.put(comment.id(), comment);
				titles.put(comment.id(), Text.unwrap(rs.getString("title")));
			});
		Map<Long, List<String>> reasons = new LinkedHashMap<>();
		this.jdbc.sql("""
				select comment_id, reason from comment_reports
				where comment_id in (:ids) and reason is not null
				order by reported_at desc, reporter_id
				""")
			.param("ids", ids)
			.query((rs) -> {
				reasons.computeIfAbsent(rs.getLong("comment_id"), (id) -> new ArrayList<>()).add(rs.getString("reason"));
			});
		return tallies.stream()
			.map((tally) -> new ReportedComment(comments.get(tally.commentId()), titles.get(tally.commentId()),
					tally.reports(), reasons.getOrDefault(tally.commentId(), List.of()), tally.lastReportedAt()))
			.toList();
	}

	private Comment comment(ResultSet rs, int row) throws SQLException {
		User author = new User(rs.getLong("author_id"), rs.getString("username"), rs.getString("display_name"),
				rs.getString("avatar_url"));
		return new Comment(rs.getLong("id"), rs.getString("paper_id"), rs.getObject("parent_id", Long.class), author,
				rs.getString("markdown"), instant(rs, "created_at"), instant(rs, "edited_at"), instant(rs, "deleted_at"),
				instant(rs, "hidden_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
		return (time != null) ? time.toInstant() : null;
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

}
