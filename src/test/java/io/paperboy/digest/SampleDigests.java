package io.paperboy.digest;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.paperboy.catalog.DailyEntry;
import io.paperboy.catalog.Paper;
import io.paperboy.catalog.PaperListing;
import io.paperboy.support.TestPapers;
import io.paperboy.web.SiteProperties;

/** Digests made by hand, rendered without the application, for tests of the message itself. */
final class SampleDigests {

	static final String HOSTILE_TITLE = "Innocent\r\nBcc: victim@example.org\r\n<script>alert('x')</script> "
			+ "Unbroken" + "w".repeat(300);

	private SampleDigests() {
	}

	static DigestMessages messages() {
		DigestProperties properties = new DigestProperties("a-secret-of-thirty-two-characters!", false, null,
				Duration.ofDays(7), 0, 0, 0, 0, 0, null);
		SignedLinks links = new SignedLinks(properties, null,
				new SiteProperties(Path.of("data"), "https://papers.example.org"));
		return new DigestMessages(TemplateEngine.createPrecompiled(ContentType.Html), links, new BulkMailProperties(null, 0, null));
	}

	/** Five papers, one of them with a hostile title, authors and code address. */
	static Digest digest() {
		List<DigestItem> items = new ArrayList<>();
		items.add(item(TestPapers.paper("2506.00001")
			.withTitle("Scaling Laws for Reward Model\n  Overoptimization in Direct Alignment Algorithms")
			.withSummary("Reinforcement learning from human feedback has been crucial to the recent success of large "
					+ "language models; however, it is often a complex and brittle process. We study it.")
			.withAuthors("Rafael Rafailov", "Yaswanth Chittepu", "Ryan Park", "Harshit Sikchi")
			.withUpvotes(57)
			.withGithub("https://github.com/example/scaling", 120)
			.build(), 57, "trending: +57 votes today"));
		items.add(item(TestPapers.paper("2506.00002").withTitle(HOSTILE_TITLE)
			.withSummary("<img src=x onerror=alert(1)> " + "y".repeat(280))
			.withAuthors("<b>Mallory</b>")
			.withUpvotes(12)
			.withGithub("javascript:alert(1)", 1)
			.build(), 12, "matches: <i>reinforcement learning</i>"));
		for (int i = 3; i <= 5; i++) {
			items.add(item(TestPapers.paper("2506.0000" + i).withTitle("A shorter title number " + i).withUpvotes(10 - i).build(),
					10 - i, "like papers you upvoted"));
		}
		Subscription subscription = new Subscription(42, "reader@example.org", Status.CONFIRMED,
				Preferences.parse("weekdays", "monday", "8", "Europe/Paris", "10", "cs.LG", "reinforcement learning", "0",
						null),
				null, Instant.EPOCH, Instant.EPOCH, null);
		Instant until = Instant.parse("2025-03-14T07:00:00Z");
		return new Digest(subscription, until.minus(Duration.ofDays(1)), until, LocalDate.of(2025, 3, 14), items);
	}

	private static DigestItem item(Paper paper, int votes, String reason) {
		DailyEntry entry = new DailyEntry(paper.id(), LocalDate.of(2025, 3, 13),
				LocalDate.of(2025, 3, 13).atTime(12, 0).toInstant(ZoneOffset.UTC), null, null, List.of(), null, null);
		return new DigestItem(new PaperListing(paper, entry, null), votes, reason);
	}

}
