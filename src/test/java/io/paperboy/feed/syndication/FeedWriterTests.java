package io.paperboy.feed.syndication;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.paperboy.catalog.Author;
import io.paperboy.catalog.Paper;
import io.paperboy.catalog.PaperListing;
import io.paperboy.support.TestPapers;
import io.paperboy.web.SiteProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class FeedWriterTests {

	private static final LocalDate JUNE_2 = LocalDate.of(2025, 6, 2);

	private final FeedWriter writer = new FeedWriter(new SiteProperties(null, "https://papers.example.org"));

	@ParameterizedTest
	@EnumSource(FeedFormat.class)
	void theSameListGivesTheSameBytesFromAnyWriterAtAnyTime(FeedFormat format) {
		List<PaperListing> listings = List.of(listing(TestPapers.paper("2506.00001").withCategories("cs.CL").build()),
				listing(TestPapers.paper("2506.00002").build()));

		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		byte[] first = this.writer.write(format, FeedChannel.day(JUNE_2), listings);
		byte[] fromAnotherRun = new FeedWriter(new SiteProperties(null, "https://papers.example.org"))
			.write(format, FeedChannel.day(JUNE_2), listings);

		assertThat(fromAnotherRun).isEqualTo(first);
		// no date comes from the clock: every date in the feed is one of the papers' or the channel's
		String feed = new String(first, StandardCharsets.UTF_8);
		for (LocalDate day : List.of(today, LocalDate.now(ZoneOffset.UTC))) {
			assertThat(feed).doesNotContain(day.toString())
				.doesNotContain(DateTimeFormatter.ofPattern("dd MMM yyyy", Locale.ROOT).format(day));
		}
	}

	@Test
	void anRssTitleWritesMarkupCharactersAsHexadecimalReferences() {
		Paper paper = TestPapers.paper("2506.00001")
			.withTitle("<script>x</script> $\\alpha$ & co > 1")
			.withAuthors("Ada & <Co>")
			.build();

		String rss = new String(this.writer.write(FeedFormat.RSS, FeedChannel.day(JUNE_2), List.of(listing(paper))),
				StandardCharsets.UTF_8);

		assertThat(rss).contains("<title>&#x3C;script&#x3E;x&#x3C;/script&#x3E; $\\alpha$ &#x26; co &#x3E; 1</title>");
		assertThat(rss).contains("<dc:creator>Ada &#x26; &#x3C;Co&#x3E;</dc:creator>");
	}

	@Test
	void anRssDescriptionIsTheAbstractAsEscapedHtml() {
		Paper paper = TestPapers.paper("2506.00001").withSummary("An <b>abstract</b> & \"more\"").build();

		String rss = new String(this.writer.write(FeedFormat.RSS, FeedChannel.day(JUNE_2), List.of(listing(paper))),
				StandardCharsets.UTF_8);

		assertThat(rss).contains(
				"<description>An &amp;lt;b&amp;gt;abstract&amp;lt;/b&amp;gt; &amp;amp; &amp;quot;more&amp;quot;</description>");
	}

	@Test
	void plainTextCharacterReferencesLeaveOtherElementsAndTheXmlMeaningAlone() {
		String xml = "<item><title>a &amp; b &lt;c&gt; $1</title><description>&amp;lt;b&amp;gt;</description>"
				+ "<dc:creator>A &amp; B</dc:creator></item>";

		assertThat(RssDocument.plainTextAsCharacterReferences(xml))
			.isEqualTo("<item><title>a &#x26; b &#x3C;c&#x3E; $1</title><description>&amp;lt;b&amp;gt;</description>"
					+ "<dc:creator>A &#x26; B</dc:creator></item>");
	}

	@ParameterizedTest
	@EnumSource(FeedFormat.class)
	void charactersXmlCannotCarryAreDroppedRatherThanBreakingTheFeed(FeedFormat format) throws Exception {
		Paper paper = TestPapers.paper("2506.00001")
			.withTitle("Bell\u0007 and \u0000null")
			.withSummary("Half a pair \uD800 here, a whole one \uD835\uDEFC there, and \uFFFF.")
			.build();

		SyndEntry entry = parse(this.writer.write(format, FeedChannel.day(JUNE_2), List.of(listing(paper))))
			.getEntries()
			.get(0);

		assertThat(entry.getTitle()).isEqualTo("Bell and null");
		assertThat(entry.getDescription().getValue()).isEqualTo("Half a pair here, a whole one \uD835\uDEFC there, and .");
	}

	@ParameterizedTest
	@EnumSource(FeedFormat.class)
	void aLongTitleIsWrittenWhole(FeedFormat format) throws Exception {
		String title = "A very long title ".repeat(30).strip();

		SyndFeed feed = parse(this.writer.write(format, FeedChannel.day(JUNE_2),
				List.of(listing(TestPapers.paper("2506.00001").withTitle(title).build()))));

		assertThat(feed.getEntries().get(0).getTitle()).isEqualTo(title);
	}

	@Test
	void anAtomEntryWithoutAuthorsFallsBackOnTheFeedsAuthor() throws Exception {
		Paper paper = TestPapers.paper("2506.00001")
			.withTitle("No authors")
			.withSummary("Abstract")
			.publishedAt(null)
			.withAuthors(new Author[0])
			.build();

		SyndFeed feed = parse(this.writer.write(FeedFormat.ATOM, FeedChannel.day(JUNE_2), List.of(listing(paper))));

		assertThat(feed.getAuthors()).extracting(SyndPerson::getName).containsExactly("Paperboy");
		assertThat(feed.getEntries().get(0).getAuthors()).isEmpty();
	}

	@Test
	void aPaperOnNoDailyListIsDatedByItsArxivPublication() throws Exception {
		Paper paper = TestPapers.paper("2506.00001").publishedAt(Instant.parse("2025-05-30T17:59:01Z")).build();

		SyndFeed feed = parse(this.writer.write(FeedFormat.RSS, FeedChannel.trending(),
				List.of(new PaperListing(paper, null, null))));

		assertThat(feed.getEntries().get(0).getPublishedDate().toInstant())
			.isEqualTo(Instant.parse("2025-05-30T17:59:01Z"));
		assertThat(feed.getLink()).isEqualTo("https://papers.example.org/papers/trending");
	}

	@Test
	void channelsNameTheirPagesAndFeeds() {
		assertThat(FeedChannel.daily().feedPath(FeedFormat.RSS)).isEqualTo("/papers/feed.xml");
		assertThat(FeedChannel.day(JUNE_2).feedPath(FeedFormat.ATOM)).isEqualTo("/papers/date/2025-06-02/feed.atom");
		assertThat(FeedChannel.week(LocalDate.of(2025, 6, 8)).path()).isEqualTo("/papers/week/2025-W23");
		assertThat(FeedChannel.week(LocalDate.of(2024, 12, 30)).path()).isEqualTo("/papers/week/2025-W01");
		assertThat(FeedChannel.week(LocalDate.of(2021, 1, 3)).path()).isEqualTo("/papers/week/2020-W53");
		assertThat(FeedChannel.trending().feedPath(FeedFormat.RSS)).isEqualTo("/papers/trending/feed.xml");
	}

	private static PaperListing listing(Paper paper) {
		return new PaperListing(paper, TestPapers.entry(paper.id(), JUNE_2), null);
	}

	static SyndFeed parse(byte[] document) throws Exception {
		return new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(document)));
	}

}
