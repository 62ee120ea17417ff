package io.paperboy.community;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The curators' marks on daily entries, in SQL. The marks are columns of {@code daily_entries}
 * (V7) that the catalog reads and never writes; they are written only here.
 */
@Repository
class CurationRepository {

	private final JdbcClient jdbc;

	CurationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Features or unfeatures the paper on its day.
	 * @return whether the paper has a daily entry
	 */
	boolean feature(String paperId, Long curatorId, Instant at) {
		return this.jdbc.sql("update daily_entries set featured_at = :at, featured_by = :by where paper_id = :id")
			.param("at", timestamp(at))
			.param("by", curatorId)
			.param("id", paperId)
			.update() > 0;
	}

	/**
	 * Hides the paper from its day, or shows it again.
	 * @return whether the paper has a daily entry
	 */
	boolean hide(String paperId, Long curatorId, Instant at) {
		return this.jdbc.sql("update daily_entries set hidden_at = :at, hidden_by = :by where paper_id = :id")
			.param("at", timestamp(at))
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

	private static OffsetDateTime timestamp(Instant at) {
		return (at != null) ? at.atOffset(ZoneOffset.UTC) : null;
	}

}
