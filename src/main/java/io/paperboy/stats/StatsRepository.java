package io.paperboy.stats;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.paperboy.community.VoteLedger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The numbers behind {@code /stats}: the catalog's in one aggregate query, members' votes as the
 * community publishes them ({@link VoteLedger}).
 */
@Repository
class StatsRepository {

	private final JdbcClient jdbc;

	private final VoteLedger ledger;

	StatsRepository(JdbcClient jdbc, VoteLedger ledger) {
		this.jdbc = jdbc;
		this.ledger = ledger;
	}

	/**
	 * Per UTC day from {@code first} to {@code last} inclusive and per primary arXiv category
	 * ({@code null} for papers without one): the papers that entered the daily lists, the votes
	 * imported with them (on the day they entered), and members' votes (on the day they were
	 * cast). Days and categories with nothing are left out; a day and category can have several
	 * rows, which the reader adds up. Per-day totals are the sums over categories, so the charts of
	 * the page always agree with each other.
	 */
	List<DayAndCategory> daysAndCategories(LocalDate first, LocalDate last) {
		String sql = """
				select c.category, e.epoch_day, sum(e.papers) as papers, sum(e.imported) as imported
				from (
				    select d.paper_id, cast(extract(epoch from d.list_day) / 86400 as bigint) as epoch_day,
				        1 as papers, 0 as imported
				    from daily_entries d
				    where d.list_day between :first and :last
				    union all
				    -- list_day bounds the scan through its index: a paper enters the list of the day
				    -- it was submitted on, or of a later one, never of an earlier one
				    select d.paper_id, %s, 0, p.imported_upvotes
				    from daily_entries d join papers p on p.id = d.paper_id
				    where d.list_day >= :dayBeforeFirst and d.submitted_at >= :since and d.submitted_at < :until
				        and p.imported_upvotes > 0
				) e
				left join paper_categories c on c.paper_id = e.paper_id and c.position = 0
				group by c.category, e.epoch_day
				""".formatted(VoteHistoryRepository.EPOCH_DAY.formatted("d.submitted_at"));
		Instant since = first.atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant until = last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		List<DayAndCategory> rows = new ArrayList<>(this.jdbc.sql(sql)
			.param("first", Date.valueOf(first))
			.param("last", Date.valueOf(last))
			.param("dayBeforeFirst", Date.valueOf(first.minusDays(1)))
			.param("since", VoteHistoryRepository.timestamp(since))
			.param("until", VoteHistoryRepository.timestamp(until))
			.query((rs, row) -> new DayAndCategory(LocalDate.ofEpochDay(rs.getLong("epoch_day")), rs.getString("category"),
					rs.getLong("papers"), rs.getLong("imported"), 0))
			.list());
		for (VoteLedger.CategoryDay members : this.ledger.countPerCategoryAndDay(since, until)) {
			rows.add(new DayAndCategory(members.day(), members.category(), 0, 0, members.votes()));
		}
		return rows;
	}

	/**
	 * What happened on a day in a category.
	 *
	 * @param day the UTC day
	 * @param category the primary arXiv category, or {@code null} for papers without categories
	 * @param papers papers that entered the daily list of that day
	 * @param importedVotes votes imported with the papers that entered a list that day
	 * @param memberVotes members' votes cast that day
	 */
	record DayAndCategory(LocalDate day, String category, long papers, long importedVotes, long memberVotes) {

		long votes() {
			return this.importedVotes + this.memberVotes;
		}

	}

}
