package io.paperboy.feed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.DailyEntry;
import io.paperboy.catalog.Paper;
import io.paperboy.feed.syndication.FeedChannel;
import io.paperboy.support.CatalogTables;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.TestPapers;
import io.paperboy.support.WebTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The RSS and Atom feeds, fetched as a feed reader would and parsed with ROME. The base URL is set
 * (with a trailing slash, which must not double) to show that every absolute link is built on it.
 */
@ExtendWith(EmptyCatalog.class)
@WebTest
class SyndicationTests {

	private static final String BASE = "https://papers.example.org";

	private static final LocalDate SUNDAY_JUNE_1 = LocalDate.of(2025, 6, 1);

	private static final LocalDate MONDAY_JUNE_2 = LocalDate.of(2025, 6, 2);

	private static final LocalDate WEDNESDAY_JUNE_4 = LocalDate.of(2025, 6, 4);

	private static final LocalDate SUNDAY_JUNE_8 = LocalDate.of(2025, 6, 8);

	private static final LocalDate MONDAY_JUNE_9 = LocalDate.of(2025, 6, 9);

	private static final Pattern ALTERNATE = Pattern
		.compile("<link rel=\"alternate\" type=\"([^\"]+)\" title=\"([^\"]+)\" href=\"([^\"]+)\">");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Catalog catalog;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ApplicationEventPublisher events;

	@ParameterizedTest
	@ValueSource(strings = { "xml", "atom" })
	void theDailyFeedHoldsTheLatestDayThatHasPapers(String extension) throws Exception {
		list(TestPapers.paper("2505.00001").build(), LocalDate.of(2025, 5, 29));
		list(TestPapers.paper("2506.00001").build(), MONDAY_JUNE_2);
		list(TestPapers.paper("2506.00002").build(), MONDAY_JUNE_2);

		SyndFeed feed = feed("/papers/feed." + extension);

		assertThat(feed.getTitle()).isEqualTo("Paperboy: daily papers");
		assertThat(pageLink(feed)).isEqualTo(BASE + "/papers");
		assertThat(ids(feed)).containsExactlyInAnyOrder("https://arxiv.org/abs/2506.00001",
				"https://arxiv.org/abs/2506.00002");
	}

	@ParameterizedTest
	@ValueSource(strings = { "xml", "atom" })
	void anItemHasTitleLinkAuthorsAbstractDateAndId(String extension) throws Exception {
		Paper paper = TestPapers.paper("2506.01234")
			.withTitle("A Title\n  Wrapped by arXiv")
			.withSummary("First line of the abstract\nand the second.")
			.withAuthors("Ada Lovelace", "Alan Turing", "Grace Hopper")
			.withCategories("cs.CL", "cs.LG")
			.build();
		Instant listedAt = Instant.parse("2025-06-02T03:18:21Z");
		list(paper, new DailyEntry(paper.id(), MONDAY_JUNE_2, listedAt, null, null, List.of(), null, null));

		SyndEntry item = feed("/papers/date/2025-06-02/feed." + extension).getEntries().get(0);

		assertThat(item.getTitle()).isEqualTo("A Title Wrapped by arXiv");
		assertThat(item.getLink()).isEqualTo(BASE + "/papers/2506.01234");
		assertThat(authors(item)).containsExactly("Ada Lovelace", "Alan Turing", "Grace Hopper");
		assertThat(summary(item)).isEqualTo("First line of the abstract and the second.");
		assertThat(item.getPublishedDate().toInstant()).isEqualTo(listedAt);
		assertThat(item.getUri()).isEqualTo("https://arxiv.org/abs/2506.01234");
		assertThat(item.getCategories()).extracting((category) -> category.getName()).containsExactly("cs.CL", "cs.LG");
	}

	@ParameterizedTest
	@ValueSource(strings = { "xml", "atom" })
	void aDaysFeedListsItsPapersMostUpvotedFirst(String extension) throws Exception {
		list(TestPapers.paper("2506.00001").withUpvotes(3).build(), MONDAY_JUNE_2);
		list(TestPapers.paper("2506.00002").withUpvotes(40).build(), MONDAY_JUNE_2);
		list(TestPapers.paper("2506.00003").withUpvotes(12).build(), MONDAY_JUNE_2);
		list(TestPapers.paper("2506.00004").withUpvotes(99).build(), WEDNESDAY_JUNE_4);

		SyndFeed feed = feed("/papers/date/2025-06-02/feed." + extension);

		assertThat(feed.getTitle()).isEqualTo("Paperboy: papers of Monday, June 2, 2025");
		assertThat(pageLink(feed)).isEqualTo(BASE + "/papers/date/2025-06-02");
		assertThat(ids(feed)).containsExactly("https://arxiv.org/abs/2506.00002", "https://arxiv.org/abs/2506.00003",
				"https://arxiv.org/abs/2506.00001");
	}

	@ParameterizedTest
	@ValueSource(strings = { "xml", "atom" })
	void aWeeksFeedHoldsMondayToSundayMostUpvotedFirst(String extension) throws Exception {
		list(TestPapers.paper("2506.00001").withUpvotes(50).build(), SUNDAY_JUNE_1);
		list(TestPapers.paper("2506.00002").withUpvotes(5).build(), MONDAY_JUNE_2);
		list(TestPapers.paper("2506.00003").withUpvotes(30).build(), WEDNESDAY_JUNE_4);
		list(TestPapers.paper("2506.00004").withUpvotes(20).build(), SUNDAY_JUNE_8);
		list(TestPapers.paper("2506.00005").withUpvotes(60).build(), MONDAY_JUNE_9);

		SyndFeed feed = feed("/papers/week/2025-W23/feed." + extension);

		assertThat(feed.getTitle()).isEqualTo("Paperboy: papers of the week 2025-W23");
		assertThat(pageLink(feed)).isEqualTo(BASE + "/papers/week/2025-W23");
		assertThat(ids(feed)).containsExactly("https://arxiv.org/abs/2506.00003", "https://arxiv.org/abs/2506.00004",
				"https://arxiv.org/abs/2506.00002");
	}

	@ParameterizedTest
	@ValueSource(strings = { "xml", "atom" })
	void aMonthsFeedHoldsItsHundredMostUpvotedPapers(String extension) throws Exception {
		list(TestPapers.paper("2505.00001").withUpvotes(500).build(), LocalDate.of(2025, 5, 30));
		for (int i = 1; i <= 102; i++) {
			list(TestPapers.paper(String.format("2506.%05d", i)).withUpvotes(i).build(), LocalDate.of(2025, 6, 1 + i % 28));
		}
		list(TestPapers.paper("2507.00001").withUpvotes(900).build(), LocalDate.of(2025, 7, 1));

		SyndFeed feed = feed("/papers/month/2025-06/feed." + extension);

		assertThat(feed.getTitle()).isEqualTo("Paperboy: papers of June 2025");
		assertThat(pageLink(feed)).isEqualTo(BASE + "/papers/month/2025-06");
		assertThat(ids(feed)).hasSize(FeedChannel.MONTH_ITEMS)
			.startsWith("https://arxiv.org/abs/2506.00102", "https://arxiv.org/abs/2506.00101")
			.endsWith("https://arxiv.org/abs/2506.00003")
			.doesNotContain("https://arxiv.org/abs/2505.00001", "https://arxiv.org/abs/2507.00001");
	}

	@Test
	void aReaderPollingAnUnchangedFeedGetsNotModifiedAndAChangedOneTheNewFeed() throws Exception {
		list(TestPapers.paper("2506.00001").build(), MONDAY_JUNE_2);
		String tag = this.mvc.perform(get("/papers/feed.atom"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getHeader(HttpHeaders.ETAG);
		assertThat(tag).matches("\"[0-9a-f]{32}\"");

		this.mvc.perform(get("/papers/feed.atom").header(HttpHeaders.IF_NONE_MATCH, tag))
			.andExpect(status().isNotModified())
			.andExpect(content().bytes(new byte[0]));
		list(TestPapers.paper("2506.00002").build(), MONDAY_JUNE_2);
		String changed = this.mvc.perform(get("/papers/feed.atom").header(HttpHeaders.IF_NONE_MATCH, tag))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getHeader(HttpHeaders.ETAG);
		assertThat(changed).isNotEqualTo(tag);
	}

	@Test
	void theGzippedFeedIsAnotherRepresentationWithItsOwnTag() throws Exception {
		list(TestPapers.paper("2506.00001").build(), MONDAY_JUNE_2);
		String plain = this.mvc.perform(get("/papers/feed.xml")).andReturn().getResponse().getHeader(HttpHeaders.ETAG);
		String gzipped = this.mvc.perform(get("/papers/feed.xml").header(HttpHeaders.ACCEPT_ENCODING, "gzip"))
			.andReturn()
			.getResponse()
			.getHeader(HttpHeaders.ETAG);

		assertThat(gzipped).isEqualTo(plain.substring(0, plain.length() - 1) + "-gzip\"");
		this.mvc.perform(get("/papers/feed.xml").header(HttpHeaders.IF_NONE_MATCH, gzipped))
			.andExpect(status().isOk());
	}

	@ParameterizedTest
	@ValueSource(strings = { "/papers/date/2030-01-01/feed.xml", "/papers/date/2030-01-01/feed.atom",
			"/papers/week/2030-W01/feed.xml", "/papers/week/2030-W01/feed.atom", "/papers/month/2030-01/feed.xml",
			"/papers/feed.xml",
			"/papers/feed.atom" })
	void aListWithoutPapersIsAnEmptyButValidFeed(String path) throws Exception {
		list(TestPapers.paper("2506.00001").build(), MONDAY_JUNE_2);
		if (path.startsWith("/papers/feed")) {
			CatalogTables.empty(this.jdbc, this.events);
		}

		SyndFeed feed = feed(path);

		assertThat(feed.getEntries()).isEmpty();
		assertThat(feed.getTitle()).startsWith("Paperboy: ");
		assertThat(pageLink(feed)).isEqualTo(BASE + path.substring(0, path.lastIndexOf('/')));
	}

	@Test
	void anEmptyDaysAtomFeedIsUpdatedAtTheStartOfTheDay() throws Exception {
		SyndFeed feed = feed("/papers/date/2030-01-01/feed.atom");

		assertThat(feed.getPublishedDate().toInstant()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "xml", "atom" })
	void markupInATitleOrAbstractComesOutAsText(String extension) throws Exception {
		String title = "<script>alert(1)</script> $\\alpha$ & co";
		String summary = "An <b>abstract</b> with <img src=x onerror=alert(2)> &amp; 1 < 2";
		list(TestPapers.paper("2506.00001").withTitle(title).withSummary(summary).withAuthors("Ada <b>Lovelace</b>").build(),
				MONDAY_JUNE_2);

		MockHttpServletResponse response = fetch("/papers/date/2025-06-02/feed." + extension);
		SyndEntry item = parse(response.getContentAsByteArray()).getEntries().get(0);

		assertThat(item.getTitle()).isEqualTo(title);
		assertThat(summary(item)).isEqualTo(summary);
		assertThat(authors(item)).containsExactly("Ada <b>Lovelace</b>");
		assertThat(response.getContentAsString()).doesNotContain("<script").doesNotContain("<img").doesNotContain("<b>");
	}

	@Test
	void anRssAbstractIsEscapedHtmlAndAnAtomAbstractIsText() throws Exception {
		list(TestPapers.paper("2506.00001").withSummary("1 < 2 & <b>bold</b>").build(), MONDAY_JUNE_2);

		SyndEntry rss = feed("/papers/date/2025-06-02/feed.xml").getEntries().get(0);
		SyndEntry atom = feed("/papers/date/2025-06-02/feed.atom").getEntries().get(0);

		// RSS readers render a description as HTML: the escaped abstract renders as the abstract
		assertThat(rss.getDescription().getValue()).isEqualTo("1 &lt; 2 &amp; &lt;b&gt;bold&lt;/b&gt;");
		assertThat(atom.getDescription().getType()).isEqualTo("text");
		assertThat(atom.getDescription().getValue()).isEqualTo("1 < 2 & <b>bold</b>");
	}

	@ParameterizedTest
	@ValueSource(strings = { "xml", "atom" })
	void everyLinkIsAbsoluteOnTheBaseUrl(String extension) throws Exception {
		list(TestPapers.paper("2506.00001").build(), MONDAY_JUNE_2);
		list(TestPapers.paper("hep-th/9901001").build(), MONDAY_JUNE_2);

		SyndFeed feed = feed("/papers/feed." + extension);

		List<String> links = new ArrayList<>();
		links.add(feed.getLink());
		feed.getLinks().stream().map(SyndLink::getHref).forEach(links::add);
		feed.getEntries().forEach((entry) -> links.add(entry.getLink()));
		assertThat(links).isNotEmpty().allSatisfy((link) -> assertThat(link).startsWith(BASE + "/papers"));
		assertThat(links).contains(BASE + "/papers/hep-th/9901001", BASE + "/papers/2506.00001");
		assertThat(new String(fetch("/papers/feed." + extension).getContentAsByteArray()))
			.contains("href=\"" + BASE + "/papers/feed." + extension + "\"")
			.doesNotContain("localhost")
			.doesNotContain(BASE + "//");
	}

	@ParameterizedTest
	@ValueSource(strings = { "xml", "atom" })
	void idsStayTheSameAcrossFetchesAndChangesAndDependOnlyOnThePaper(String extension) throws Exception {
		list(TestPapers.paper("2506.00001").withUpvotes(1).build(), MONDAY_JUNE_2);
		String path = "/papers/date/2025-06-02/feed." + extension;

		List<String> first = ids(feed(path));
		List<String> again = ids(feed(path));
		list(TestPapers.paper("2506.00002").withUpvotes(9).build(), MONDAY_JUNE_2);
		List<String> afterAChange = ids(feed(path));

		assertThat(first).isEqualTo(again).containsExactly("https://arxiv.org/abs/2506.00001");
		assertThat(afterAChange).containsExactly("https://arxiv.org/abs/2506.00002", "https://arxiv.org/abs/2506.00001");
		// the same paper has the same id in every feed it is in
		assertThat(ids(feed("/papers/week/2025-W23/feed." + extension))).containsExactlyElementsOf(afterAChange);
	}

	@Test
	void anRssGuidIsNotAPermalink() throws Exception {
		list(TestPapers.paper("2506.00001").build(), MONDAY_JUNE_2);

		String rss = fetch("/papers/feed.xml").getContentAsString();

		assertThat(rss).contains("<guid isPermaLink=\"false\">https://arxiv.org/abs/2506.00001</guid>");
	}

	@Test
	void feedsHaveTheirOwnContentTypesInUtf8() throws Exception {
		this.mvc.perform(get("/papers/feed.xml"))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/rss+xml;charset=UTF-8"));
		this.mvc.perform(get("/papers/date/2025-06-02/feed.atom"))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/atom+xml;charset=UTF-8"));
	}

	@Test
	void aNonAsciiTitleArrivesIntactInUtf8() throws Exception {
		list(TestPapers.paper("2506.00001").withTitle("Schrödinger’s λ-calculus — 日本語").build(), MONDAY_JUNE_2);

		assertThat(feed("/papers/feed.xml").getEntries().get(0).getTitle()).isEqualTo("Schrödinger’s λ-calculus — 日本語");
		assertThat(feed("/papers/feed.atom").getEntries().get(0).getTitle()).isEqualTo("Schrödinger’s λ-calculus — 日本語");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/papers/feed.xml", "/papers/date/2025-06-02/feed.atom", "/papers/week/2025-W23/feed.xml" })
	void aClientThatAcceptsGzipGetsTheSameFeedGzipped(String path) throws Exception {
		list(TestPapers.paper("2506.00001").build(), MONDAY_JUNE_2);

		byte[] plain = this.mvc.perform(get(path))
			.andExpect(header().string(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING))
			.andExpect(header().doesNotExist(HttpHeaders.CONTENT_ENCODING))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		byte[] gzipped = this.mvc.perform(get(path).header(HttpHeaders.ACCEPT_ENCODING, "gzip, deflate, br"))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CONTENT_ENCODING, "gzip"))
			.andExpect(header().string(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		assertThat(gunzip(gzipped)).isEqualTo(plain);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/papers/date/2025-13-01/feed.xml", "/papers/date/2025-6-2/feed.atom",
			"/papers/week/2025-W54/feed.xml", "/papers/week/2025-23/feed.atom", "/papers/week/2025-W00/feed.xml",
			"/papers/month/2025-13/feed.xml", "/papers/month/2025-6/feed.atom" })
	void aMalformedDateOrWeekIsABadRequestWithoutATrace(String path) throws Exception {
		String html = this.mvc.perform(get(path))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains("Bad request").doesNotContain("Exception");
	}

	@Test
	void aDayPageAdvertisesTheDailyFeedAndItsOwn() throws Exception {
		list(TestPapers.paper("2506.00001").build(), MONDAY_JUNE_2);

		String html = this.mvc.perform(get("/papers/date/2025-06-02"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String[]> alternates = alternates(html.substring(0, html.indexOf("</head>")));

		assertThat(alternates).extracting((link) -> link[0] + " " + link[2])
			.containsExactly("application/rss+xml /papers/feed.xml", "application/atom+xml /papers/feed.atom",
					"application/rss+xml /papers/date/2025-06-02/feed.xml",
					"application/atom+xml /papers/date/2025-06-02/feed.atom");
		assertThat(alternates).extracting((link) -> link[1])
			.containsExactly("Paperboy: daily papers (RSS)", "Paperboy: daily papers (Atom)",
					"Paperboy: papers of Monday, June 2, 2025 (RSS)", "Paperboy: papers of Monday, June 2, 2025 (Atom)");
		for (String[] link : alternates) {
			SyndFeed feed = feed(link[2]);
			assertThat(link[1]).startsWith(feed.getTitle() + " (");
		}
	}

	@Test
	void weekAndMonthPagesAdvertiseTheirFeeds() throws Exception {
		list(TestPapers.paper("2506.00001").build(), MONDAY_JUNE_2);

		String week = this.mvc.perform(get("/papers/week/2025-W23")).andReturn().getResponse().getContentAsString();
		String month = this.mvc.perform(get("/papers/month/2025-06")).andReturn().getResponse().getContentAsString();

		List<String[]> alternates = alternates(week.substring(0, week.indexOf("</head>")));
		assertThat(alternates).extracting((link) -> link[0] + " " + link[2])
			.containsExactly("application/rss+xml /papers/week/2025-W23/feed.xml",
					"application/atom+xml /papers/week/2025-W23/feed.atom");
		for (String[] link : alternates) {
			assertThat(feed(link[2]).getEntries()).hasSize(1);
		}
		assertThat(alternates(month.substring(0, month.indexOf("</head>")))).extracting((link) -> link[0] + " " + link[2])
			.containsExactly("application/rss+xml /papers/month/2025-06/feed.xml",
					"application/atom+xml /papers/month/2025-06/feed.atom");
	}

	@Test
	void thePapersPageOfAnEmptyCatalogAdvertisesTheDailyFeed() throws Exception {
		String html = this.mvc.perform(get("/papers")).andReturn().getResponse().getContentAsString();

		assertThat(alternates(html)).extracting((link) -> link[2]).containsExactly("/papers/feed.xml", "/papers/feed.atom");
	}

	private void list(Paper paper, LocalDate day) {
		list(paper, TestPapers.entry(paper.id(), day));
	}

	private void list(Paper paper, DailyEntry entry) {
		this.catalog.savePaper(paper, entry.day());
		this.catalog.placeOnDailyList(entry);
	}

	private MockHttpServletResponse fetch(String path) throws Exception {
		return this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse();
	}

	private SyndFeed feed(String path) throws Exception {
		SyndFeed feed = parse(fetch(path).getContentAsByteArray());
		assertThat(feed.getFeedType()).isEqualTo(path.endsWith(".xml") ? "rss_2.0" : "atom_1.0");
		return feed;
	}

	static SyndFeed parse(byte[] document) throws Exception {
		return new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(document)));
	}

	/**
	 * The address of the page the feed mirrors: RSS's channel link, Atom's alternate link (ROME
	 * gives an Atom feed's self link as its link).
	 */
	static String pageLink(SyndFeed feed) {
		return feed.getLinks()
			.stream()
			.filter((link) -> "alternate".equals(link.getRel()))
			.map(SyndLink::getHref)
			.findFirst()
			.orElse(feed.getLink());
	}

	static List<String> ids(SyndFeed feed) {
		return feed.getEntries().stream().map(SyndEntry::getUri).toList();
	}

	/** Authors as RSS gives them (Dublin Core creators) or as Atom does (author elements). */
	static List<String> authors(SyndEntry entry) {
		if (entry.getAuthors().isEmpty()) {
			return ((DCModule) entry.getModule(DCModule.URI)).getCreators();
		}
		return entry.getAuthors().stream().map(SyndPerson::getName).toList();
	}

	/** The abstract as a reader shows it: an RSS description is HTML, an Atom summary here is text. */
	static String summary(SyndEntry entry) {
		String value = entry.getDescription().getValue();
		return "text".equals(entry.getDescription().getType()) ? value : HtmlUtils.htmlUnescape(value);
	}

	/** The type, title and address of each {@code <link rel="alternate">}. */
	private static List<String[]> alternates(String html) {
		Matcher matcher = ALTERNATE.matcher(html);
		return matcher.results()
			.map((result) -> new String[] { result.group(1), HtmlUtils.htmlUnescape(result.group(2)), result.group(3) })
			.toList();
	}

	private static byte[] gunzip(byte[] gzipped) throws IOException {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
			return in.readAllBytes();
		}
	}

}
