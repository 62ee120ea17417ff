package io.paperboy.stats;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.paperboy.catalog.Catalog;
import org.springframework.stereotype.Service;

/**
 * The {@code /stats} page: papers per day, votes per day and the categories with the most votes,
 * over the last weeks. One aggregate query makes the whole page, and the page is kept for
 * {@link StatsProperties#cacheTtl()}: statistics a minute old are as good as fresh, and a burst of
 * readers costs one query.
 */
@Service
class StatsService {

	/** The longest period the page covers, in weeks. */
	static final int MAX_WEEKS = 52;

	/** How many categories the chart ranks. */
	static final int TOP_CATEGORIES = 8;

	private final StatsRepository stats;

	private final Clock clock;

	private final Catalog catalog;

	private final Cache<Period, StatsPage> pages;

	StatsService(StatsRepository stats, Clock clock, Catalog catalog, StatsProperties properties) {
		this.stats = stats;
		this.clock = clock;
		this.catalog = catalog;
		this.pages = Caffeine.newBuilder().expireAfterWrite(properties.cacheTtl()).maximumSize(MAX_WEEKS).build();
	}

	/**
	 * The last {@code weeks} weeks, Monday to Sunday, up to today (UTC); the current week counts
	 * as one even on a Monday. When no day of those weeks has papers but earlier days do (a new site
	 * that loaded an archive, or a site whose sources stopped), the weeks up to the latest day with
	 * papers instead, so that the page shows what there is and says which weeks they are.
	 * @param weeks 1 to {@value #MAX_WEEKS}
	 */
	StatsPage page(int weeks) {
		if (weeks < 1 || weeks > MAX_WEEKS) {
			throw new IllegalArgumentException("weeks must be 1 to " + MAX_WEEKS + ", not " + weeks);
		}
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		LocalDate first = today.with(DayOfWeek.MONDAY).minusWeeks(weeks - 1);
		LocalDate last = this.catalog.latestDay().filter((latest) -> latest.isBefore(first)).orElse(today);
		return this.pages.get(new Period(last.with(DayOfWeek.MONDAY).minusWeeks(weeks - 1), last),
				(period) -> compute(period, !last.equals(today)));
	}

	StatsPage compute(Period period, boolean endsAtLatestPapers) {
		Figures figures = figures(period);
		return new StatsPage(period.weeks(), period.first(), period.last(), endsAtLatestPapers, papersPerDay(figures),
				votesPerDay(figures), categories(figures));
	}

	/** The period's numbers, folded from the query's rows. */
	Figures figures(Period period) {
		int days = period.days();
		long[] papers = new long[days];
		long[] imported = new long[days];
		long[] members = new long[days];
		Map<String, CategoryFigures> categories = new LinkedHashMap<>();
		for (StatsRepository.DayAndCategory row : this.stats.daysAndCategories(period.first(), period.last())) {
			int day = (int) (row.day().toEpochDay() - period.first().toEpochDay());
			if (day < 0 || day >= days) {
				continue;
			}
			papers[day] += row.papers();
			imported[day] += row.importedVotes();
			members[day] += row.memberVotes();
			if (row.category() != null) {
				CategoryFigures category = categories.computeIfAbsent(row.category(),
						(name) -> new CategoryFigures(name, period.weeks()));
				category.votesPerWeek()[day / 7] += row.votes();
				category.papersPerWeek()[day / 7] += row.papers();
			}
		}
		return new Figures(period, papers, imported, members, List.copyOf(categories.values()));
	}

	private static Chart papersPerDay(Figures figures) {
		Period period = figures.period();
		long total = sum(figures.papers());
		String summary = (total == 0) ? "No papers entered the daily lists from " + period.words() + "."
				: Wording.count(total, "paper") + " entered the daily lists from " + period.words() + ", the most on "
						+ busiest(period, figures.papers()) + ".";
		List<BarChart.Bar> bars = new ArrayList<>();
		List<Chart.Row> rows = new ArrayList<>();
		for (int i = 0; i < period.days(); i++) {
			LocalDate day = period.first().plusDays(i);
			bars.add(new BarChart.Bar(Wording.dayOfYear(day), axisLabel(period, i), figures.papers()[i]));
			rows.add(new Chart.Row(Wording.dayOfYear(day), List.of(Wording.count(figures.papers()[i]))));
		}
		SvgMarkup svg = BarChart.render(new Caption("Papers per day", summary), List.of("papers"), bars,
				"No papers in this period");
		return new Chart(svg, summary, new Chart.DataTable("Papers per day", List.of("Day", "Papers"), rows));
	}

	private static Chart votesPerDay(Figures figures) {
		Period period = figures.period();
		long imported = sum(figures.imported());
		long members = sum(figures.members());
		long[] totals = new long[period.days()];
		for (int i = 0; i < totals.length; i++) {
			totals[i] = figures.imported()[i] + figures.members()[i];
		}
		String summary = (imported + members == 0) ? "No votes from " + period.words() + "."
				: Wording.count(imported + members, "vote") + " from " + period.words() + ": "
						+ Wording.count(imported) + " imported with papers as they entered the daily lists and "
						+ Wording.count(members) + " cast by members; the most on " + busiest(period, totals) + ".";
		List<BarChart.Bar> bars = new ArrayList<>();
		List<Chart.Row> rows = new ArrayList<>();
		for (int i = 0; i < period.days(); i++) {
			LocalDate day = period.first().plusDays(i);
			bars.add(new BarChart.Bar(Wording.dayOfYear(day), axisLabel(period, i), figures.imported()[i],
					figures.members()[i]));
			rows.add(new Chart.Row(Wording.dayOfYear(day), List.of(Wording.count(figures.imported()[i]),
					Wording.count(figures.members()[i]), Wording.count(totals[i]))));
		}
		SvgMarkup svg = BarChart.render(new Caption("Votes per day", summary),
				List.of("imported at entry", "by members"), bars, "No votes in this period");
		return new Chart(svg, summary, new Chart.DataTable("Votes per day",
				List.of("Day", "Imported at entry", "By members", "Total"), rows));
	}

	/**
	 * The categories with the most votes in the period, with their votes week by week; by papers
	 * when no paper of the period has a vote yet; {@code null} when no paper has a category.
	 */
	private static Chart categories(Figures figures) {
		if (figures.categories().isEmpty()) {
			return null;
		}
		Period period = figures.period();
		boolean byVotes = figures.categories().stream().anyMatch((category) -> category.votes() > 0);
		ToLongFunction<CategoryFigures> measured = byVotes ? CategoryFigures::votes : CategoryFigures::papers;
		List<CategoryFigures> top = figures.categories()
			.stream()
			.sorted(Comparator.comparingLong(measured)
				.thenComparingLong(CategoryFigures::papers)
				.reversed()
				.thenComparing(CategoryFigures::name))
			.limit(TOP_CATEGORIES)
			.toList();
		String measure = byVotes ? "votes" : "papers";
		String summary = "The categories with the most " + measure + " from " + period.words() + ": "
				+ String.join(", ", top.stream()
					.map((category) -> category.name() + " (" + Wording.count(measured.applyAsLong(category)) + ")")
					.toList())
				+ ".";
		List<RankedBarChart.Row> bars = top.stream()
			.map((category) -> new RankedBarChart.Row(category.name(), measured.applyAsLong(category),
					byVotes ? category.votesPerWeek() : category.papersPerWeek()))
			.toList();
		List<String> headers = new ArrayList<>(List.of("Category"));
		for (int week = 0; week < period.weeks(); week++) {
			headers.add("Votes, week of " + Wording.day(period.first().plusWeeks(week)));
		}
		headers.add("Votes");
		headers.add("Papers");
		List<Chart.Row> rows = top.stream().map((category) -> {
			List<String> values = new ArrayList<>();
			for (long votes : category.votesPerWeek()) {
				values.add(Wording.count(votes));
			}
			values.add(Wording.count(category.votes()));
			values.add(Wording.count(category.papers()));
			return new Chart.Row(category.name(), values);
		}).toList();
		SvgMarkup svg = RankedBarChart.render(new Caption("Categories with the most " + measure, summary), bars);
		return new Chart(svg, summary, new Chart.DataTable("Primary categories, votes per week", headers, rows));
	}

	/** A label under the Mondays, or under every second or fourth Monday when there are many weeks. */
	private static String axisLabel(Period period, int index) {
		int everyWeeks = (period.weeks() + 7) / 8;
		boolean labelled = index % (7 * everyWeeks) == 0;
		return labelled ? Wording.day(period.first().plusDays(index)) : null;
	}

	private static String busiest(Period period, long[] counts) {
		int busiest = 0;
		for (int i = 1; i < counts.length; i++) {
			if (counts[i] > counts[busiest]) {
				busiest = i;
			}
		}
		return Wording.day(period.first().plusDays(busiest)) + " (" + Wording.count(counts[busiest]) + ")";
	}

	private static long sum(long[] counts) {
		long sum = 0;
		for (long count : counts) {
			sum += count;
		}
		return sum;
	}

	/**
	 * The days a page covers.
	 *
	 * @param first a Monday
	 * @param last today, or the latest day with papers
	 */
	record Period(LocalDate first, LocalDate last) {

		int days() {
			return (int) (this.last.toEpochDay() - this.first.toEpochDay()) + 1;
		}

		int weeks() {
			return (days() + 6) / 7;
		}

		/** "Jun 2 to Jul 27, 2025". */
		String words() {
			return Wording.period(this.first, this.last);
		}

	}

	/**
	 * A period's numbers per day, oldest first.
	 *
	 * @param period the days
	 * @param papers papers that entered the daily lists
	 * @param imported votes imported with them
	 * @param members members' votes
	 * @param categories per primary category, in no particular order
	 */
	record Figures(Period period, long[] papers, long[] imported, long[] members, List<CategoryFigures> categories) {

	}

	/** A category's numbers over a period, added up while the query's rows are folded. */
	static final class CategoryFigures {

		private final String name;

		private final long[] votesPerWeek;

		private final long[] papersPerWeek;

		CategoryFigures(String name, int weeks) {
			this.name = name;
			this.votesPerWeek = new long[weeks];
			this.papersPerWeek = new long[weeks];
		}

		String name() {
			return this.name;
		}

		/** Votes per week, oldest first. */
		long[] votesPerWeek() {
			return this.votesPerWeek;
		}

		/** Papers that entered the daily lists per week, oldest first. */
		long[] papersPerWeek() {
			return this.papersPerWeek;
		}

		long votes() {
			return sum(this.votesPerWeek);
		}

		long papers() {
			return sum(this.papersPerWeek);
		}

	}

}
