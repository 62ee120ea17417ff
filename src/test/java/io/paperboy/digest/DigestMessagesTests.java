package io.paperboy.digest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.paperboy.catalog.PaperListing;
import io.paperboy.mail.MailMessage;
import io.paperboy.support.TestPapers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A digest as a message: subject, headers, the HTML part and the plain-text part. */
class DigestMessagesTests {

	private final DigestMessages messages = SampleDigests.messages();

	private final MailMessage message = this.messages.message(SampleDigests.digest(), "<sample@papers.example.org>");

	@Test
	void messagesWrittenInOneRunShareThePapersAndReadAsIfWrittenAlone() {
		Digest digest = SampleDigests.digest();
		List<DigestItem> twelve = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			DigestItem item = digest.items().get(i % digest.items().size());
			twelve.add(new DigestItem(item.listing(), i, "reason " + i));
		}
		// the same papers again, in another order and from rank 10 on with a wider number
		Digest longer = new Digest(digest.subscription(), digest.since(), digest.until(), digest.day(), twelve);
		DigestMessages.Shared shared = new DigestMessages.Shared();

		for (Digest each : List.of(digest, longer, digest, longer)) {
			MailMessage alone = this.messages.message(each, "<a@papers.example.org>");
			MailMessage inTheRun = this.messages.message(each, "<a@papers.example.org>", shared);

			assertThat(inTheRun.text()).isEqualTo(alone.text());
			assertThat(inTheRun.html()).isEqualTo(alone.html());
			assertThat(inTheRun.subject()).isEqualTo(alone.subject());
		}
		assertThat(this.messages.message(longer, "<a@papers.example.org>", shared).text())
			.contains("1. Scaling Laws for Reward Model Overoptimization in Direct Alignment\n   Algorithms\n")
			.contains("11. Scaling Laws for Reward Model Overoptimization in Direct Alignment\n    Algorithms\n")
			.contains("    57 upvotes · reason 10");
	}

	@Test
	void partsWrittenFromSharedPiecesAreWhatTheTemplateAndTheTextWriterMakeOfTheDigest() {
		Digest digest = SampleDigests.digest();
		Digest withNote = new Digest(digest.subscription(), digest.since(), digest.until(), digest.day(), digest.items(),
				"These papers are in trending order for now — “for you” learns.");
		Digest empty = new Digest(digest.subscription(), digest.since(), digest.until(), digest.day(), List.of());
		DigestMessages.Shared shared = new DigestMessages.Shared();

		for (Digest each : List.of(digest, withNote, empty, digest, withNote)) {
			MailMessage message = this.messages.message(each, "<a@papers.example.org>", shared);
			DigestMail mail = this.messages.mail(each);

			assertThat(message.parts()).isNotNull();
			assertThat(message.html()).isEqualTo(this.messages.html(mail));
			assertThat(message.text()).isEqualTo(DigestMessages.text(mail));
		}
	}

	@Test
	void aPaperReadAgainWithinARunIsWrittenAsItIsNow() {
		DigestMessages.Shared shared = new DigestMessages.Shared();
		Digest digest = SampleDigests.digest();
		this.messages.message(digest, "<a@papers.example.org>", shared);
		DigestItem first = digest.items().get(0);
		PaperListing renamed = new PaperListing(TestPapers.paper("2506.00001").withTitle("A new title").build(),
				first.listing().entry(), null);
		Digest again = new Digest(digest.subscription(), digest.since(), digest.until(), digest.day(),
				List.of(new DigestItem(renamed, 1, "again")));

		assertThat(this.messages.message(again, "<b@papers.example.org>", shared).text()).contains("1. A new title")
			.doesNotContain("Scaling Laws");
	}

	@Test
	void theSubjectNamesTheDayAndTheTopPaper() {
		assertThat(this.message.subject())
			.isEqualTo("Trending papers — Mar 14: Scaling Laws for Reward Model Overoptimization in Direct Alignment Algorithms");
		assertThat(this.message.kind()).isEqualTo(MailMessage.Kind.BULK);
		assertThat(this.message.to()).isEqualTo("reader@example.org");
	}

	@Test
	void theMessageCarriesTheOneClickUnsubscribeLink() {
		assertThat(this.message.headers().get("List-Unsubscribe"))
			.matches("<https://papers\\.example\\.org/digest/unsubscribe/42\\.[A-Za-z0-9_-]{22}>");
	}

	@Test
	void everyLineOfTheTextPartFitsIn78Columns() {
		assertThat(this.message.text().lines()).allSatisfy((line) -> assertThat(line).hasSizeLessThanOrEqualTo(78));
		assertThat(this.message.text()).contains("1. Scaling Laws for Reward Model Overoptimization in Direct")
			.contains("   Rafael Rafailov, Yaswanth Chittepu, Ryan Park and others")
			.contains("   57 upvotes · trending: +57 votes today")
			.contains("   https://papers.example.org/papers/2506.00001")
			.contains("   arXiv: https://arxiv.org/abs/2506.00001")
			.contains("   Code: https://github.com/example/scaling")
			.contains("https://papers.example.org/digest/preferences/42.")
			.contains("You get this because reader@example.org subscribed");
	}

	@Test
	void aLongUnbrokenTitleIsCutAcrossLinesOfTheTextPart() {
		String text = this.message.text();
		assertThat(text).doesNotContain("\r\nBcc").contains("2. Innocent Bcc: victim@example.org <script>");
		long lines = Arrays.stream(text.split("\n")).filter((line) -> line.contains("wwwwwwwwww")).count();
		assertThat(lines).isGreaterThanOrEqualTo(4);
	}

	@Test
	void theHtmlPartEscapesEverythingFromAPaperAndHasNoScripts() {
		String html = this.message.html();
		assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("<b>Mallory")
			.doesNotContain("<i>reinforcement")
			.contains("&lt;script&gt;")
			.contains("&lt;b&gt;Mallory&lt;/b&gt;")
			.doesNotContain("javascript:");
	}

	@Test
	void theHtmlPartIsATableAtMost600PixelsWideForLightAndDark() {
		String html = this.message.html();
		assertThat(html).contains("<meta name=\"color-scheme\" content=\"light dark\">")
			.contains("max-width: 600px")
			.contains("prefers-color-scheme: dark")
			.contains("href=\"https://papers.example.org/papers/2506.00001\"")
			.contains("href=\"https://arxiv.org/abs/2506.00001\"")
			.contains("href=\"https://github.com/example/scaling\"")
			.doesNotContain("@import")
			.doesNotContain("fonts.googleapis");
		// the preheader, hidden, right after the body opens
		assertThat(html).contains("5 papers picked for you, starting with “Scaling Laws");
	}

	@Test
	void anEmptyDigestSaysSo() {
		Digest full = SampleDigests.digest();
		Digest empty = new Digest(full.subscription(), full.since(), full.until(), full.day(), java.util.List.of());
		MailMessage message = this.messages.message(empty, "<empty@papers.example.org>");
		assertThat(message.subject()).isEqualTo("Trending papers — Mar 14: nothing new");
		assertThat(message.text()).contains("Nothing new on your topics in the last 24 hours.")
			.doesNotContain("previous digest");
		assertThat(message.html()).contains("Nothing new on your topics in the last 24 hours.");
	}

	@Test
	void aFirstEmptyDigestWithoutTopicsNamesItsPeriodAndNoPreviousDigest() {
		Instant until = Instant.parse("2026-03-18T08:00:00Z");
		Digest daily = empty(Preferences.defaults(), null, until.minus(Duration.ofHours(24)), until);
		Digest weekly = empty(preferences("weekly", ""), null, until.minus(Duration.ofDays(7)), until);

		assertThat(this.messages.message(daily, "<a@papers.example.org>").text())
			.contains("No new paper entered the daily lists in the last 24 hours.")
			.doesNotContain("previous digest")
			.doesNotContain("topics");
		assertThat(this.messages.message(weekly, "<a@papers.example.org>").html())
			.contains("No new paper entered the daily lists in the last 7 days.");
	}

	@Test
	void anEmptyDigestAfterAnotherSaysSinceThePreviousOneUnlessItWasLongAgo() {
		Instant until = Instant.parse("2026-03-18T08:00:00Z");
		Instant yesterday = until.minus(Duration.ofHours(24));
		Instant longAgo = until.minus(Duration.ofDays(60));

		assertThat(DigestMessages.emptyText(empty(preferences("weekdays", "cs.LG"), yesterday, yesterday, until)))
			.isEqualTo("Nothing new on your topics since your previous digest.");
		assertThat(DigestMessages.emptyText(empty(Preferences.defaults(), longAgo, until.minus(Digests.LONGEST_PERIOD), until)))
			.isEqualTo("No new paper entered the daily lists in the last 14 days.");
	}

	@Test
	void anEmptyDigestWithAMinimumOfUpvotesSaysWhatItLookedFor() {
		Instant until = Instant.parse("2026-03-18T08:00:00Z");
		Preferences preferences = Preferences.parse("weekdays", "monday", "8", "UTC", "10", "", "", "25", null);

		assertThat(DigestMessages.emptyText(empty(preferences, null, until.minus(Duration.ofHours(24)), until)))
			.isEqualTo("No new paper on the daily lists with 25 upvotes or more in the last 24 hours.");
	}

	private static Digest empty(Preferences preferences, Instant lastSentAt, Instant since, Instant until) {
		Subscription subscription = new Subscription(7, "new@example.org", Status.CONFIRMED, preferences, null,
				Instant.EPOCH, Instant.EPOCH, lastSentAt);
		return new Digest(subscription, since, until, LocalDate.of(2026, 3, 18), List.of());
	}

	private static Preferences preferences(String cadence, String categories) {
		return Preferences.parse(cadence, "monday", "8", "UTC", "10", categories, "", "0", null);
	}

	@Test
	void wrappingKeepsWordsWholeAndLinksUncut() {
		StringBuilder text = new StringBuilder();
		DigestMessages.wrap(text, "word ".repeat(30) + "https://example.org/" + "a".repeat(90), "", "");
		assertThat(text.toString().lines()).allSatisfy((line) -> assertThat(line).doesNotEndWith(" "));
		assertThat(text.toString().lines().filter((line) -> line.startsWith("https://"))).hasSize(1);
		assertThat(text.toString().lines().filter((line) -> !line.startsWith("https://")))
			.allSatisfy((line) -> assertThat(line.length()).isLessThanOrEqualTo(DigestMessages.WIDTH));
	}

}
