package io.paperboy.stats;

import java.time.LocalDate;
import java.util.List;

/**
 * What {@code /stats} shows.
 *
 * @param weeks how many weeks the page covers, the current one included
 * @param first the Monday the period starts on
 * @param last the last day of the period: today, or the latest day with papers
 * @param endsAtLatestPapers whether the period ends on the latest day with papers, because the
 * weeks up to today have none
 * @param papersPerDay papers that entered the daily lists, per day
 * @param votesPerDay votes per day: imported at entry and cast by members
 * @param categories the primary categories with the most votes, week by week; {@code null} when
 * no paper of the period has a category
 */
public record StatsPage(int weeks, LocalDate first, LocalDate last, boolean endsAtLatestPapers, Chart papersPerDay, Chart votesPerDay,
		Chart categories) {

	/** The periods the page offers, in weeks. */
	public static final List<Integer> CHOICES = List.of(4, 8, 12, 26, 52);

	/** "Jun 2 to Jul 27, 2025". */
	public String period() {
		return Wording.period(this.first, this.last);
	}

	/** The latest day with papers, when the period ends there: "Jul 27, 2025". */
	public String lastDay() {
		return Wording.dayOfYear(this.last);
	}

}
