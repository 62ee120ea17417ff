package io.paperboy.foryou;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A Hugging Face submitter seen as a member of the site: what they submitted before the test period is
 * what the model learns from, what they submitted from its first day on is what it should rank high.
 * <p>
 * The split: the member's distinct submissions in date order; the test period starts on the day of the
 * submission at place ceil(share × n) (0-based), so no day is split; training = the submissions before
 * that day (at most the share, fewer when that day has several), test = that day and later.
 *
 * @param name the submitter's user name
 * @param cutoff the first day of the test period
 * @param training the papers submitted before it, in date order
 * @param testDays the papers submitted on each day of the test period
 */
record SimulatedMember(String name, LocalDate cutoff, List<String> training, Map<LocalDate, Set<String>> testDays) {

	/** Every submitter with at least {@code minimum} distinct submissions and at least one before the test period. */
	static List<SimulatedMember> of(List<DailyListings.Listing> listings, int minimum, double share) {
		Map<String, Map<String, LocalDate>> bySubmitter = new TreeMap<>();
		for (DailyListings.Listing listing : listings) {
			if (listing.submitter() != null) {
				bySubmitter.computeIfAbsent(listing.submitter(), (key) -> new LinkedHashMap<>())
					.putIfAbsent(listing.id(), listing.day());
			}
		}
		List<SimulatedMember> members = new ArrayList<>();
		bySubmitter.forEach((name, submissions) -> {
			if (submissions.size() < minimum) {
				return;
			}
			List<Map.Entry<String, LocalDate>> ordered = new ArrayList<>(submissions.entrySet());
			ordered.sort(Map.Entry.comparingByValue());
			LocalDate cutoff = ordered.get(Math.min(ordered.size() - 1, (int) Math.ceil(share * ordered.size())))
				.getValue();
			List<String> training = new ArrayList<>();
			Map<LocalDate, Set<String>> test = new TreeMap<>();
			for (Map.Entry<String, LocalDate> submission : ordered) {
				if (submission.getValue().isBefore(cutoff)) {
					training.add(submission.getKey());
				}
				else {
					test.computeIfAbsent(submission.getValue(), (key) -> new LinkedHashSet<>()).add(submission.getKey());
				}
			}
			if (!training.isEmpty()) {
				members.add(new SimulatedMember(name, cutoff, training, test));
			}
		});
		return members;
	}

	int testSubmissions() {
		return this.testDays.values().stream().mapToInt(Set::size).sum();
	}

	/** The last {@code count} training submissions (all when there are fewer). */
	SimulatedMember withRecentTraining(int count) {
		return new SimulatedMember(this.name, this.cutoff,
				this.training.subList(Math.max(0, this.training.size() - count), this.training.size()), this.testDays);
	}

}
