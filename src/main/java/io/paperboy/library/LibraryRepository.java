package io.paperboy.library;

import java.sql.ResultSet;
import java.sql.SQLException;
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

/** Members' saves, not-interested marks, follows and collections, in SQL. */
@Repository
class LibraryRepository {

	private static final String COLLECTION_COLUMNS = """
			c.id, c.user_id, c.slug, c.name, c.description, c.is_public, c.created_at, c.updated_at,
			(select count(*) from library_collection_items i where i.collection_id = c.id) as papers
			""";

	private final JdbcClient jdbc;

	LibraryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean paperExists(String paperId) {
		return this.jdbc.sql("select count(*) from papers where id = :id").param("id", paperId).query(Long.class).single() > 0;
	}

	// saves

	boolean save(long userId, String paperId, Instant at) {
		return added("""
				insert into library_saves (user_id, paper_id, saved_at)
				select :userId, :paperId, :at
				where not exists (select 1 from library_saves where user_id = :userId and paper_id = :paperId)
				""", userId, paperId, at);
	}

	boolean unsave(long userId, String paperId) {
		return removed("delete from library_saves where user_id = :userId and paper_id = :paperId", userId, paperId);
	}

	/** The member's saves, newest first, leaving out the papers they said they are not interested in. */
	List<TimedPaper> saved(long userId, int offset, int limit) {
		return this.jdbc.sql("""
				select s.paper_id, s.saved_at from library_saves s
				where s.user_id = :userId
				and not exists (select 1 from library_not_interested n where n.user_id = s.user_id and n.paper_id = s.paper_id)
				order by s.saved_at desc, s.paper_id
				limit :limit offset :offset
				""").param("userId", userId).param("offset", offset).param("limit", limit).query(LibraryRepository::timed).list();
	}

	long countSaved(long userId) {
		return this.jdbc.sql("""
				select count(*) from library_saves s where s.user_id = :userId
				and not exists (select 1 from library_not_interested n where n.user_id = s.user_id and n.paper_id = s.paper_id)
				""").param("userId", userId).query(Long.class).single();
	}

	/** Every save of the member, newest first, hidden or not. */
	List<TimedPaper> allSaved(long userId) {
		return this.jdbc.sql("select paper_id, saved_at from library_saves where user_id = :userId order by saved_at desc, paper_id")
			.param("userId", userId)
			.query(LibraryRepository::timed)
			.list();
	}

	Set<String> savedAmong(long userId, Collection<String> paperIds) {
		if (paperIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc.sql("select paper_id from library_saves where user_id = :userId and paper_id in (:ids)")
			.param("userId", userId)
			.param("ids", paperIds)
			.query(String.class)
			.list());
	}

	Set<String> savedIds(long userId) {
		return new HashSet<>(this.jdbc.sql("select paper_id from library_saves where user_id = :userId")
			.param("userId", userId)
			.query(String.class)
			.list());
	}

	// not interested

	boolean markNotInterested(long userId, String paperId, Instant at) {
		return added("""
				insert into library_not_interested (user_id, paper_id, marked_at)
				select :userId, :paperId, :at
				where not exists (select 1 from library_not_interested where user_id = :userId and paper_id = :paperId)
				""", userId, paperId, at);
	}

	boolean unmarkNotInterested(long userId, String paperId) {
		return removed("delete from library_not_interested where user_id = :userId and paper_id = :paperId", userId,
				paperId);
	}

	/**
	 * Runs an insert of a member's mark on a paper (a save, a "not interested") that adds nothing when
	 * the mark is there already; the statement names {@code :userId}, {@code :paperId} and {@code :at}.
	 * @return whether the mark is new
	 */
	private boolean added(String insertIfAbsent, long userId, String paperId, Instant at) {
		return this.jdbc.sql(insertIfAbsent)
			.param("userId", userId)
			.param("paperId", paperId)
			.param("at", utc(at))
			.update() == 1;
	}

	/**
	 * Runs a delete of a member's mark on a paper; the statement names {@code :userId} and {@code :paperId}.
	 * @return whether there was a mark
	 */
	private boolean removed(String delete, long userId, String paperId) {
		return this.jdbc.sql(delete).param("userId", userId).param("paperId", paperId).update() == 1;
	}

	List<TimedPaper> notInterested(long userId) {
		return this.jdbc.sql("""
				select paper_id, marked_at from library_not_interested where user_id = :userId
				order by marked_at desc, paper_id
				""").param("userId", userId).query(LibraryRepository::timed).list();
	}

	Set<String> notInterestedIds(long userId) {
		return new HashSet<>(this.jdbc.sql("select paper_id from library_not_interested where user_id = :userId")
			.param("userId", userId)
			.query(String.class)
			.list());
	}

	// follows

	boolean follow(long userId, String nameKey, String name, Instant at) {
		return this.jdbc.sql("""
				insert into library_follows (user_id, name_key, display_name, followed_at)
				select :userId, :key, :name, :at
				where not exists (select 1 from library_follows where user_id = :userId and name_key = :key)
				""").param("userId", userId).param("key", nameKey).param("name", name).param("at", utc(at)).update() == 1;
	}

	boolean unfollow(long userId, String nameKey) {
		return this.jdbc.sql("delete from library_follows where user_id = :userId and name_key = :key")
			.param("userId", userId)
			.param("key", nameKey)
			.update() == 1;
	}

	boolean follows(long userId, String nameKey) {
		return this.jdbc.sql("select count(*) from library_follows where user_id = :userId and name_key = :key")
			.param("userId", userId)
			.param("key", nameKey)
			.query(Long.class)
			.single() > 0;
	}

	List<FollowedAuthor> followed(long userId) {
		return this.jdbc.sql("""
				select name_key, display_name, followed_at from library_follows where user_id = :userId
				order by followed_at desc, name_key
				""")
			.param("userId", userId)
			.query((rs, row) -> new FollowedAuthor(rs.getString(1), rs.getString(2), instant(rs, 3)))
			.list();
	}

	// picked categories

	/** Replaces the member's picked categories with these. */
	void pickCategories(long userId, Collection<String> categories, Instant at) {
		this.jdbc.sql("delete from library_categories where user_id = :userId").param("userId", userId).update();
		for (String category : categories) {
			this.jdbc.sql("insert into library_categories (user_id, category, picked_at) values (:userId, :category, :at)")
				.param("userId", userId)
				.param("category", category)
				.param("at", utc(at))
				.update();
		}
	}

	boolean unpickCategory(long userId, String category) {
		return this.jdbc.sql("delete from library_categories where user_id = :userId and category = :category")
			.param("userId", userId)
			.param("category", category)
			.update() == 1;
	}

	List<PickedCategory> pickedCategories(long userId) {
		return this.jdbc.sql("""
				select category, picked_at from library_categories where user_id = :userId
				order by category
				""")
			.param("userId", userId)
			.query((rs, row) -> new PickedCategory(rs.getString(1), instant(rs, 2)))
			.list();
	}

	// collections

	long insertCollection(long userId, String slug, String name, String description, boolean isPublic, Instant at) {
		this.jdbc.sql("""
				insert into library_collections (user_id, slug, name, description, is_public, created_at, updated_at)
				values (:userId, :slug, :name, :description, :public, :at, :at)
				""")
			.param("userId", userId)
			.param("slug", slug)
			.param("name", name)
			.param("description", description)
			.param("public", isPublic)
			.param("at", utc(at))
			.update();
		return this.jdbc.sql("select id from library_collections where user_id = :userId and slug = :slug")
			.param("userId", userId)
			.param("slug", slug)
			.query(Long.class)
			.single();
	}

	boolean slugTaken(long userId, String slug, long exceptId) {
		return this.jdbc.sql("select count(*) from library_collections where user_id = :userId and slug = :slug and id <> :id")
			.param("userId", userId)
			.param("slug", slug)
			.param("id", exceptId)
			.query(Long.class)
			.single() > 0;
	}

	long countCollections(long userId) {
		return this.jdbc.sql("select count(*) from library_collections where user_id = :userId")
			.param("userId", userId)
			.query(Long.class)
			.single();
	}

	Optional<PaperCollection> findCollection(long id) {
		return this.jdbc.sql("select " + COLLECTION_COLUMNS + " from library_collections c where c.id = :id")
			.param("id", id)
			.query(LibraryRepository::collection)
			.optional();
	}

	Optional<PaperCollection> findCollection(long userId, String slug) {
		return this.jdbc.sql("select " + COLLECTION_COLUMNS + " from library_collections c where c.user_id = :userId and c.slug = :slug")
			.param("userId", userId)
			.param("slug", slug)
			.query(LibraryRepository::collection)
			.optional();
	}

	List<PaperCollection> collections(long userId) {
		return this.jdbc.sql("select " + COLLECTION_COLUMNS + " from library_collections c where c.user_id = :userId order by c.name, c.id")
			.param("userId", userId)
			.query(LibraryRepository::collection)
			.list();
	}

	void updateCollection(long id, String slug, String name, String description, boolean isPublic, Instant at) {
		this.jdbc.sql("""
				update library_collections set slug = :slug, name = :name, description = :description,
				is_public = :public, updated_at = :at where id = :id
				""")
			.param("id", id)
			.param("slug", slug)
			.param("name", name)
			.param("description", description)
			.param("public", isPublic)
			.param("at", utc(at))
			.update();
	}

	void touchCollection(long id, Instant at) {
		this.jdbc.sql("update library_collections set updated_at = :at where id = :id").param("id", id).param("at", utc(at)).update();
	}

	boolean deleteCollection(long id) {
		return this.jdbc.sql("delete from library_collections where id = :id").param("id", id).update() == 1;
	}

	/** Locks the collection's row, so that two additions at once take turns at the limit and the positions. */
	boolean lockCollection(long id) {
		return !this.jdbc.sql("select id from library_collections where id = :id for update")
			.param("id", id)
			.query(Long.class)
			.list()
			.isEmpty();
	}

	boolean addItem(long collectionId, String paperId, String note, Instant at) {
		return this.jdbc.sql("""
				insert into library_collection_items (collection_id, paper_id, note, added_at, position)
				select :id, :paperId, :note, :at,
				       (select coalesce(max(position), 0) + 1 from library_collection_items where collection_id = :id)
				where not exists (select 1 from library_collection_items where collection_id = :id and paper_id = :paperId)
				""")
			.param("id", collectionId)
			.param("paperId", paperId)
			.param("note", note)
			.param("at", utc(at))
			.update() == 1;
	}

	boolean setNote(long collectionId, String paperId, String note) {
		return this.jdbc.sql("update library_collection_items set note = :note where collection_id = :id and paper_id = :paperId")
			.param("id", collectionId)
			.param("paperId", paperId)
			.param("note", note)
			.update() == 1;
	}

	boolean removeItem(long collectionId, String paperId) {
		return this.jdbc.sql("delete from library_collection_items where collection_id = :id and paper_id = :paperId")
			.param("id", collectionId)
			.param("paperId", paperId)
			.update() == 1;
	}

	boolean hasItem(long collectionId, String paperId) {
		return this.jdbc.sql("select count(*) from library_collection_items where collection_id = :id and paper_id = :paperId")
			.param("id", collectionId)
			.param("paperId", paperId)
			.query(Long.class)
			.single() > 0;
	}

	List<CollectionItem> items(long collectionId) {
		return this.jdbc.sql("""
				select paper_id, note, added_at, position from library_collection_items
				where collection_id = :id order by position, paper_id
				""")
			.param("id", collectionId)
			.query((rs, row) -> new CollectionItem(rs.getString(1), rs.getString(2), instant(rs, 3), rs.getInt(4)))
			.list();
	}

	/** Every row the member gave, gone: what deleting their account also does, by the tables' cascades. */
	void forget(long userId) {
		this.jdbc.sql("delete from library_collections where user_id = :userId").param("userId", userId).update();
		this.jdbc.sql("delete from library_follows where user_id = :userId").param("userId", userId).update();
		this.jdbc.sql("delete from library_categories where user_id = :userId").param("userId", userId).update();
		this.jdbc.sql("delete from library_not_interested where user_id = :userId").param("userId", userId).update();
		this.jdbc.sql("delete from library_saves where user_id = :userId").param("userId", userId).update();
	}

	private static PaperCollection collection(ResultSet rs, int row) throws SQLException {
		return new PaperCollection(rs.getLong("id"), rs.getLong("user_id"), rs.getString("slug"), rs.getString("name"),
				rs.getString("description"), rs.getBoolean("is_public"), instant(rs, "created_at"),
				instant(rs, "updated_at"), rs.getInt("papers"));
	}

	private static TimedPaper timed(ResultSet rs, int row) throws SQLException {
		return new TimedPaper(rs.getString(1), instant(rs, 2));
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static OffsetDateTime utc(Instant at) {
		return at.atOffset(ZoneOffset.UTC);
	}

}
