package io.paperboy.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.paperboy.catalog.PaperListing;

/**
 * A composed digest as the outbox keeps it: what it covers, and its papers in order with the votes
 * and the reason each was picked for. The message is written from it when it is sent, so a row
 * takes a few hundred bytes rather than the tens of kilobytes of a message, and composing writes
 * no message at all. Every attempt sends the same papers in the same order under the same
 * {@code Message-ID}; titles and counts are as the paper pages show them at the attempt.
 *
 * @param since the start of what it covers (exclusive)
 * @param until the end of what it covers, the time it was composed
 * @param day the subscriber's local date when it was composed, for the subject
 * @param items the papers, in the order they are shown
 * @param note the digest's line above its papers, or {@code null}
 */
record Composition(Instant since, Instant until, LocalDate day, List<Item> items, String note) {

	Composition {
		items = List.copyOf(items);
		note = (note == null || note.isBlank()) ? null : oneField(note);
	}

	Composition(Instant since, Instant until, LocalDate day, List<Item> items) {
		this(since, until, day, items, null);
	}

	static Composition of(Digest digest) {
		return new Composition(digest.since(), digest.until(), digest.day(), digest.items()
			.stream()
			.map((item) -> new Item(item.listing().paper().id(), item.periodVotes(), item.reason()))
			.toList(), digest.note());
	}

	List<String> paperIds() {
		return this.items.stream().map(Item::paperId).toList();
	}

	/**
	 * The digest again, for its subscriber, from the papers' listings now. A paper that is no
	 * longer in the catalog is left out.
	 */
	Digest digest(Subscription subscription, Map<String, PaperListing> listings) {
		List<DigestItem> shown = new ArrayList<>();
		for (Item item : this.items) {
			PaperListing listing = listings.get(item.paperId());
			if (listing != null) {
				shown.add(new DigestItem(listing, item.periodVotes(), item.reason()));
			}
		}
		return new Digest(subscription, this.since, this.until, this.day, shown, this.note);
	}

	/**
	 * As stored: a line of what it covers (and the note, when there is one), then a line per paper,
	 * fields separated by tabs.
	 */
	String text() {
		StringBuilder text = new StringBuilder();
		text.append(this.since).append('\t').append(this.until).append('\t').append(this.day);
		if (this.note != null) {
			text.append('\t').append(this.note);
		}
		text.append('\n');
		for (Item item : this.items) {
			text.append(item.paperId())
				.append('\t')
				.append(item.periodVotes())
				.append('\t')
				.append(oneField(item.reason()))
				.append('\n');
		}
		return text.toString();
	}

	/**
	 * Reads what {@link #text()} wrote.
	 * @throws IllegalArgumentException when the text is not a composition
	 */
	static Composition parse(String text) {
		String[] lines = text.split("\n");
		String[] covers = lines[0].split("\t", 4);
		if (covers.length < 3) {
			throw new IllegalArgumentException("Not a digest composition: " + lines[0]);
		}
		try {
			List<Item> items = new ArrayList<>();
			for (int i = 1; i < lines.length; i++) {
				String[] fields = lines[i].split("\t", 3);
				if (fields.length != 3) {
					throw new IllegalArgumentException("Not a paper of a digest composition: " + lines[i]);
				}
				items.add(new Item(fields[0], Integer.parseInt(fields[1]), fields[2]));
			}
			return new Composition(Instant.parse(covers[0]), Instant.parse(covers[1]), LocalDate.parse(covers[2]), items,
					(covers.length == 4) ? covers[3] : null);
		}
		catch (DateTimeParseException | NumberFormatException ex) {
			throw new IllegalArgumentException("Not a digest composition: " + ex.getMessage(), ex);
		}
	}

	private static String oneField(String value) {
		return value.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
	}

	/**
	 * A paper of a composed digest.
	 *
	 * @param paperId its id
	 * @param periodVotes the upvotes it gained in the digest's period
	 * @param reason why it is in this subscriber's digest
	 */
	record Item(String paperId, int periodVotes, String reason) {
	}

}
