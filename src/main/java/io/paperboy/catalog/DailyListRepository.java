package io.paperboy.catalog;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The daily lists: which paper is on which day, in SQL. */
@Repository
class DailyListRepository {

	private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	DailyListRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	Optional<DailyEntry> find(String paperId) {
		return this.jdbc.sql("select * from daily_entries where paper_id = :id")
			.param("id", paperId)
			.query(this::map)
			.optional();
	}

	/** The entries of these papers, by paper id. */
	Map<String, DailyEntry> findAll(Collection<String> paperIds) {
		Map<String, DailyEntry> entries = new LinkedHashMap<>();
		if (!paperIds.isEmpty()) {
			this.jdbc.sql("select * from daily_entries where paper_id in (:ids)")
				.param("ids", paperIds)
				.query(this::map)
				.list()
				.forEach((entry) -> entries.put(entry.paperId(), entry));
		}
		return entries;
	}

	/**
	 * Entries of the days from {@code first} to {@code last} inclusive, most recently submitted first;
	 * entries a curator hid are left out.
	 */
	List<DailyEntry> between(LocalDate first, LocalDate last) {
		return this.jdbc.sql("""
				select * from daily_entries where list_day between :first and :last and hidden_at is null
				order by submitted_at desc, paper_id
				""").param("first", Date.valueOf(first)).param("last", Date.valueOf(last)).query(this::map).list();
	}

	/** A submitter's entries, most recent first; entries a curator hid are left out. */
	List<DailyEntry> bySubmitter(long submitterId) {
		return this.jdbc.sql("""
				select * from daily_entries where submitter_id = :submitter and hidden_at is null
				order by submitted_at desc, paper_id
				""").param("submitter", submitterId).query(this::map).list();
	}

	Optional<LocalDate> latestDay() {
		return this.jdbc.sql("select list_day from daily_entries where hidden_at is null order by list_day desc limit 1").query(LocalDate.class).optional();
	}

	Optional<LocalDate> firstDay() {
		return this.jdbc.sql("select list_day from daily_entries where hidden_at is null order by list_day limit 1").query(LocalDate.class).optional();
	}

	Optional<LocalDate> dayBefore(LocalDate day) {
		return this.jdbc.sql("select list_day from daily_entries where list_day < :day and hidden_at is null order by list_day desc limit 1")
			.param("day", Date.valueOf(day))
			.query(LocalDate.class)
			.optional();
	}

	Optional<LocalDate> dayAfter(LocalDate day) {
		return this.jdbc.sql("select list_day from daily_entries where list_day > :day and hidden_at is null order by list_day limit 1")
			.param("day", Date.valueOf(day))
			.query(LocalDate.class)
			.optional();
	}

	/**
	 * Features or unfeatures the paper on its day (a curator's mark, V7).
	 * @return whether the paper has a daily entry
	 */
	boolean markFeatured(String paperId, Long curatorId, Instant at) {
		return this.jdbc.sql("update daily_entries set featured_at = :at, featured_by = :by where paper_id = :id")
			.param("at", PaperRepository.timestamp(at))
			.param("by", curatorId)
			.param("id", paperId)
			.update() > 0;
	}

	/**
	 * Hides the paper from its day, or shows it again (a curator's mark, V7).
	 * @return whether the paper has a daily entry
	 */
	boolean markHidden(String paperId, Long curatorId, Instant at) {
		return this.jdbc.sql("update daily_entries set hidden_at = :at, hidden_by = :by where paper_id = :id")
			.param("at", PaperRepository.timestamp(at))
			.param("by", curatorId)
			.param("id", paperId)
			.update() > 0;
	}

	/** The papers on a day's list, hidden ones too, most recently listed first. */
	List<String> paperIdsOn(LocalDate day) {
		return this.jdbc.sql("select paper_id from daily_entries where list_day = :day order by submitted_at desc, paper_id")
			.param("day", Date.valueOf(day))
			.query(String.class)
			.list();
	}

	void insert(DailyEntry entry, Instant now) {
		this.jdbc.sql("""
				insert into daily_entries (paper_id, list_day, submitted_at, submitter_id, thumbnail, media_urls,
				    is_author_participating, organization, created_at)
				values (:paperId, :day, :submittedAt, :submitterId, :thumbnail, :mediaUrls, :authorParticipating,
				    :organization, :now)
				""").paramSource(parameters(entry, now)).update();
	}

	void update(DailyEntry entry) {
		this.jdbc.sql("""
				update daily_entries set list_day = :day, submitted_at = :submittedAt, submitter_id = :submitterId,
				    thumbnail = :thumbnail, media_urls = :mediaUrls, is_author_participating = :authorParticipating,
				    organization = :organization
				where paper_id = :paperId
				""").paramSource(parameters(entry, null)).update();
	}

	private Map<String, Object> parameters(DailyEntry entry, Instant now) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("paperId", entry.paperId());
		parameters.put("day", Date.valueOf(entry.day()));
		parameters.put("submittedAt", PaperRepository.timestamp(entry.submittedAt()));
		parameters.put("submitterId", entry.submitterId());
		parameters.put("thumbnail", entry.thumbnail());
		parameters.put("mediaUrls", entry.mediaUrls().isEmpty() ? null : this.json.writeValueAsString(entry.mediaUrls()));
		parameters.put("authorParticipating", entry.authorParticipating());
		parameters.put("organization", entry.organization());
		parameters.put("now", PaperRepository.timestamp(now));
		return parameters;
	}

	private DailyEntry map(ResultSet rs, int row) throws SQLException {
		String mediaUrls = rs.getString("media_urls");
		return new DailyEntry(rs.getString("paper_id"), PaperRepository.localDate(rs, "list_day"),
				PaperRepository.instant(rs, "submitted_at"), rs.getObject("submitter_id", Long.class),
				rs.getString("thumbnail"), (mediaUrls != null) ? this.json.readValue(mediaUrls, STRING_LIST) : List.of(),
				rs.getObject("is_author_participating", Boolean.class), rs.getString("organization"),
				rs.getObject("featured_at") != null, rs.getObject("hidden_at") != null);
	}

}
