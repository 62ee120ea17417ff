package io.paperboy.stats;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Papers' votes over time, as charts: the cumulative chart on a paper's page and the sparklines
 * on cards. Members' votes count at the time they were cast; imported counts at the time the
 * paper entered the daily list. Days are UTC days.
 */
@Service
public class VoteHistory {

	/** The most days a sparkline covers. */
	public static final int MAX_SPARKLINE_DAYS = 90;

	/**
	 * The fewest UTC days with votes that make a chart worth drawing: with all votes on one day, a
	 * chart is a single step or spike, which says no more than the count.
	 */
	static final int MIN_DAYS_TO_DRAW = 2;

	private final VoteHistoryRepository votes;

	private final Clock clock;

	VoteHistory(VoteHistoryRepository votes, Clock clock) {
		this.votes = votes;
		this.clock = clock;
	}

	/**
	 * A paper's votes over time, from its first vote to now, with a sentence such as "12 votes: 5
	 * counted when it entered the daily list on Jun 2, 2025, and 7 by members" and a table of
	 * votes per day. A paper without votes (or not in the catalog) gets an empty chart saying so.
	 */
	@Transactional(readOnly = true)
	public Chart chart(String paperId) {
		return chart(this.votes.timeline(paperId));
	}

	/**
	 * The chart of a paper's votes over time when it tells something, or {@code null}: a paper whose
	 * votes all came on one day (every imported paper that members have not voted on since) would
	 * draw one step and a flat line to today, which the upvote count beside it already says.
	 */
	@Transactional(readOnly = true)
	public Chart chartWhenTelling(String paperId) {
		VoteTimeline timeline = this.votes.timeline(paperId);
		return (timeline.votingDays() >= MIN_DAYS_TO_DRAW) ? chart(timeline) : null;
	}

	Chart chart(VoteTimeline timeline) {
		String summary = summary(timeline);
		SvgMarkup svg = StepChart.render(new Caption("Votes over time", summary), timeline.cumulative(),
				this.clock.instant(), "No votes yet");
		return new Chart(svg, summary, perDay(timeline));
	}

	@Transactional(readOnly = true)
	VoteTimeline timeline(String paperId) {
		return this.votes.timeline(paperId);
	}

	/**
	 * Sparklines of votes per day over the last {@code days} UTC days (today included), for a page
	 * of papers, read in one query.
	 * @param paperIds the papers, as the cards list them
	 * @param days how many days, 1 to {@value #MAX_SPARKLINE_DAYS}
	 * @return a chart for each paper id given that had votes on at least two of those days, in the
	 * order given; a paper with votes on one day or none (an imported paper members have not voted
	 * on lately, a paper not in the catalog) has none, rather than a flat line
	 */
	@Transactional(readOnly = true)
	public Map<String, Chart> sparklines(List<String> paperIds, int days) {
		Map<String, Chart> sparklines = new LinkedHashMap<>();
		votesPerDay(paperIds, days).forEach((id, counts) -> {
			if (daysWithVotes(counts) >= MIN_DAYS_TO_DRAW) {
				sparklines.put(id, sparkline(counts, today(), days));
			}
		});
		return sparklines;
	}

	private static int daysWithVotes(long[] counts) {
		int days = 0;
		for (long count : counts) {
			if (count > 0) {
				days++;
			}
		}
		return days;
	}

	/** Votes per day over the last {@code days} days, oldest first, for every paper id given. */
	@Transactional(readOnly = true)
	Map<String, long[]> votesPerDay(List<String> paperIds, int days) {
		if (days < 1 || days > MAX_SPARKLINE_DAYS) {
			throw new IllegalArgumentException("A sparkline covers 1 to " + MAX_SPARKLINE_DAYS + " days, not " + days);
		}
		LocalDate today = today();
		LocalDate first = today.minusDays(days - 1);
		Map<String, long[]> counts = new LinkedHashMap<>();
		paperIds.forEach((id) -> counts.put(id, new long[days]));
		for (VoteHistoryRepository.DailyVotes row : this.votes.votesPerDay(counts.keySet(),
				first.atStartOfDay(ZoneOffset.UTC).toInstant())) {
			int index = (int) (row.day().toEpochDay() - first.toEpochDay());
			// a vote stamped later than now (a clock running ahead) is left out, not drawn off the end
			if (index >= 0 && index < days) {
				counts.get(row.paperId())[index] += row.votes();
			}
		}
		return counts;
	}

	private static Chart sparkline(long[] counts, LocalDate today, int days) {
		long total = 0;
		int busiest = 0;
		for (int i = 0; i < counts.length; i++) {
			total += counts[i];
			if (counts[i] > counts[busiest]) {
				busiest = i;
			}
		}
		String period = (days == 1) ? "today" : "in the last " + days + " days";
		String summary = (total == 0) ? "No votes " + period + "."
				: Wording.count(total, "vote") + " " + period + ((days == 1) ? "." : ", the most on "
						+ Wording.day(today.minusDays(days - 1 - busiest)) + " (" + Wording.count(counts[busiest]) + ").");
		return new Chart(Sparkline.render(new Caption("Votes per day", summary), counts), summary,
				Chart.DataTable.none());
	}

	private static String summary(VoteTimeline timeline) {
		record Part(long count, String phrase) {
		}
		List<Part> parts = new ArrayList<>();
		if (timeline.datedImportedVotes() > 0) {
			parts.add(new Part(timeline.datedImportedVotes(),
					"counted when it entered the daily list on " + day(timeline.enteredAt())));
		}
		List<Instant> members = timeline.memberVotes();
		if (!members.isEmpty()) {
			String latest = day(members.get(members.size() - 1));
			parts.add(new Part(members.size(),
					(members.size() == 1) ? "by a member on " + latest : "by members, the latest on " + latest));
		}
		if (timeline.undatedImportedVotes() > 0) {
			parts.add(new Part(timeline.undatedImportedVotes(),
					"imported without a date (the paper is on no daily list), so not drawn"));
		}
		String total = Wording.count(timeline.total(), "vote");
		if (parts.isEmpty()) {
			return "No votes yet.";
		}
		if (parts.size() == 1) {
			return total + ", " + ((timeline.total() > 1) ? "all " : "") + parts.get(0).phrase() + ".";
		}
		List<String> counted = parts.stream().map((part) -> Wording.count(part.count()) + " " + part.phrase()).toList();
		return total + ": " + String.join(", ", counted.subList(0, counted.size() - 1)) + ", and "
				+ counted.get(counted.size() - 1) + ".";
	}

	private static Chart.DataTable perDay(VoteTimeline timeline) {
		Map<LocalDate, Long> perDay = new TreeMap<>();
		if (timeline.datedImportedVotes() > 0) {
			perDay.merge(utcDay(timeline.enteredAt()), timeline.datedImportedVotes(), Long::sum);
		}
		timeline.memberVotes().forEach((at) -> perDay.merge(utcDay(at), 1L, Long::sum));
		List<Chart.Row> rows = new ArrayList<>();
		long total = 0;
		for (Map.Entry<LocalDate, Long> day : perDay.entrySet()) {
			total += day.getValue();
			rows.add(new Chart.Row(Wording.dayOfYear(day.getKey()),
					List.of(Wording.count(day.getValue()), Wording.count(total))));
		}
		return new Chart.DataTable("Votes per day", List.of("Day", "Votes", "Total"), rows);
	}

	private LocalDate today() {
		return utcDay(this.clock.instant());
	}

	private static String day(Instant instant) {
		return Wording.dayOfYear(utcDay(instant));
	}

	private static LocalDate utcDay(Instant instant) {
		return LocalDate.ofInstant(instant, ZoneOffset.UTC);
	}

}
