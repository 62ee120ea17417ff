package io.paperboy.stats;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A paper's votes with their times. Counts that came from an import carry no times of their own:
 * they count as votes cast when the paper entered the daily list, as the trending score treats
 * them; a paper on no list has no time for them at all.
 *
 * @param importedVotes the count the import reported ({@code papers.imported_upvotes})
 * @param enteredAt when the paper entered the daily list, or {@code null} when it is on none
 * @param memberVotes when each member voted, earliest first
 */
record VoteTimeline(long importedVotes, Instant enteredAt, List<Instant> memberVotes) {

	static final VoteTimeline NONE = new VoteTimeline(0, null, List.of());

	VoteTimeline {
		memberVotes = memberVotes.stream().sorted().toList();
	}

	/** Every vote: imported and members'. */
	long total() {
		return this.importedVotes + this.memberVotes.size();
	}

	/** Imported votes that can be placed in time: all of them when the paper is on a list. */
	long datedImportedVotes() {
		return (this.enteredAt != null) ? this.importedVotes : 0;
	}

	/** Imported votes with no time, because the paper is on no list; charts leave them out. */
	long undatedImportedVotes() {
		return this.importedVotes - datedImportedVotes();
	}

	/** On how many UTC days votes that can be placed in time were cast. */
	long votingDays() {
		Stream<Instant> imported = (datedImportedVotes() > 0) ? Stream.of(this.enteredAt) : Stream.empty();
		return Stream.concat(imported, this.memberVotes.stream())
			.map((at) -> at.atOffset(ZoneOffset.UTC).toLocalDate())
			.distinct()
			.count();
	}

	/**
	 * The running total after each vote, in time order; the imported block counts first when a
	 * member voted at the very same instant.
	 */
	List<TimedCount> cumulative() {
		record Event(Instant at, int order, long votes) {
		}
		List<Event> events = new ArrayList<>();
		if (datedImportedVotes() > 0) {
			events.add(new Event(this.enteredAt, 0, datedImportedVotes()));
		}
		this.memberVotes.forEach((at) -> events.add(new Event(at, 1, 1)));
		events.sort(Comparator.comparing(Event::at).thenComparingInt(Event::order));
		List<TimedCount> points = new ArrayList<>(events.size());
		long total = 0;
		for (Event event : events) {
			total += event.votes();
			points.add(new TimedCount(event.at(), total));
		}
		return points;
	}

}
