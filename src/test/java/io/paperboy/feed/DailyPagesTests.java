package io.paperboy.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.paperboy.account.User;
import io.paperboy.account.UserDirectory;
import io.paperboy.catalog.Author;
import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.Paper;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.HtmlText;
import io.paperboy.support.TestPapers;
import io.paperboy.support.WebTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebTest
@ExtendWith(EmptyCatalog.class)
class DailyPagesTests {

	private static final LocalDate MAY_29 = LocalDate.of(2025, 5, 29);

	private static final LocalDate JUNE_2 = LocalDate.of(2025, 6, 2);

	private static final LocalDate JUNE_5 = LocalDate.of(2025, 6, 5);

	private static final Pattern CARD_TITLE = Pattern.compile("<h3><a href=\"/papers/([^\"]+)\">");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Catalog catalog;

	@Autowired
	private UserDirectory users;

	@Test
	void thePapersPageShowsTheLatestDayThatHasPapers() throws Exception {
		list(TestPapers.paper("2505.00001").withTitle("Older paper").build(), MAY_29, null);
		list(TestPapers.paper("2506.00001").withTitle("Newest paper").build(), JUNE_2, null);

		String html = page("/papers");

		assertThat(html).contains("<time datetime=\"2025-06-02\">Monday, June 2, 2025</time>");
		assertThat(html).contains("Daily papers, Monday, June 2, 2025 · Paperboy");
		assertThat(cardIds(html)).containsExactly("2506.00001");
	}

	@Test
	void aDayListsItsPapersMostUpvotedFirst() throws Exception {
		list(TestPapers.paper("2506.00001").withUpvotes(3).build(), JUNE_2, null);
		list(TestPapers.paper("2506.00002").withUpvotes(40).build(), JUNE_2, null);
		list(TestPapers.paper("2506.00003").withUpvotes(12).build(), JUNE_2, null);
		list(TestPapers.paper("2506.00004").withUpvotes(99).build(), JUNE_5, null);

		String html = page("/papers/date/2025-06-02");

		assertThat(html).contains("<time datetime=\"2025-06-02\">Monday, June 2, 2025</time>");
		assertThat(cardIds(html)).containsExactly("2506.00002", "2506.00003", "2506.00001");
		assertThat(cards(html)).extracting((card) -> HtmlText.of(card).split(" ")[1]).containsExactly("40", "12", "3");
	}

	@Test
	void aDayLinksToTheClosestEarlierAndLaterDaysThatHavePapers() throws Exception {
		list(TestPapers.paper("2505.00001").build(), MAY_29, null);
		list(TestPapers.paper("2506.00001").build(), JUNE_2, null);
		list(TestPapers.paper("2506.00002").build(), JUNE_5, null);

		String html = page("/papers/date/2025-06-02");

		assertThat(html).contains("<a rel=\"prev\" href=\"/papers/date/2025-05-29\">");
		assertThat(html).contains("<a rel=\"next\" href=\"/papers/date/2025-06-05\">");
	}

	@Test
	void theFirstAndLastDaysLinkOnlyInwards() throws Exception {
		list(TestPapers.paper("2505.00001").build(), MAY_29, null);
		list(TestPapers.paper("2506.00001").build(), JUNE_2, null);

		String first = page("/papers/date/2025-05-29");
		String last = page("/papers/date/2025-06-02");

		assertThat(first).doesNotContain("rel=\"prev\"").contains("<a rel=\"next\" href=\"/papers/date/2025-06-02\">");
		assertThat(last).doesNotContain("rel=\"next\"").contains("<a rel=\"prev\" href=\"/papers/date/2025-05-29\">");
	}

	@Test
	void aDayWithoutPapersSaysSoAndLinksToItsNeighbours() throws Exception {
		list(TestPapers.paper("2505.00001").build(), MAY_29, null);
		list(TestPapers.paper("2506.00001").build(), JUNE_5, null);

		String html = page("/papers/date/2025-06-02");

		assertThat(html).contains("No papers were listed on this day.");
		assertThat(cardIds(html)).isEmpty();
		assertThat(html).contains("href=\"/papers/date/2025-05-29\"").contains("href=\"/papers/date/2025-06-05\"");
	}

	@Test
	void anEmptyCatalogShowsAFriendlyPage() throws Exception {
		String html = page("/papers");

		assertThat(html).contains("No papers yet.");
		assertThat(cardIds(html)).isEmpty();
	}

	@Test
	void aCardShowsTitleAuthorsExcerptCountsSubmitterAndLinks() throws Exception {
		User submitter = this.users.ensureImported("akhaliq", "AK", null, null);
		Paper paper = TestPapers.paper("2506.00001")
			.withVersion(2, null)
			.withTitle("A Fully\n  Described Paper")
			.withSummary("Line one of the abstract\nand line two.")
			.publishedAt(Instant.parse("2025-05-30T17:59:01Z"))
			.withAuthors(authors("Ada Lovelace", "Alan Turing", "Grace Hopper", "Edsger Dijkstra", "Barbara Liskov"))
			.withCategories("cs.CL")
			.withGithub("https://github.com/example/described", 321)
			.withProjectPage("https://example.org/described")
			.withUpvotes(12)
			.withComments(4)
			.build();
		list(paper, JUNE_2, submitter);

		String card = cards(page("/papers/date/2025-06-02")).get(0);
		String text = HtmlText.of(card);

		assertThat(card).contains("<a href=\"/papers/2506.00001\">A Fully Described Paper</a>");
		assertThat(text.replace(" ,", ",")).contains("Ada Lovelace, Alan Turing, Grace Hopper +2 more").doesNotContain("Edsger Dijkstra")
			.doesNotContain("5 authors");
		assertThat(card).contains("<a href=\"/authors/Ada%20Lovelace\">Ada Lovelace</a>")
			.contains("<a class=\"more\" href=\"/papers/2506.00001#authors\">+2 more</a>")
			.contains("<a href=\"/u/akhaliq\">AK</a>")
			.contains("<a href=\"/papers/2506.00001#comments\">0 comments</a>");
		assertThat(text).contains("Line one of the abstract and line two.");
		assertThat(text).startsWith("▲ 12 upvotes");
		assertThat(text).contains("0 comments 4 comments on Hugging Face");
		assertThat(text).contains("Submitted by AK");
		assertThat(text).contains("Published May 30, 2025");
		assertThat(card).contains("<a href=\"https://github.com/example/described\">GitHub ★ 321</a>");
		assertThat(card).contains("<a href=\"https://example.org/described\">Project page</a>");
		assertThat(card).contains("<a href=\"https://arxiv.org/abs/2506.00001\">arXiv</a>");
	}

	@Test
	void aCardOfAPaperWithFewAuthorsNamesThemAll() throws Exception {
		list(TestPapers.paper("2506.00001").withAuthors("Ada Lovelace", "Alan Turing").withComments(1).build(), JUNE_2,
				null);

		String text = HtmlText.of(cards(page("/papers/date/2025-06-02")).get(0));

		assertThat(text.replace(" ,", ",")).contains("Ada Lovelace, Alan Turing An abstract").contains("1 comment ")
			.doesNotContain("more").doesNotContain("Submitted by");
	}

	@Test
	void aLongAbstractIsCutToAnExcerptOnTheCard() throws Exception {
		String sentence = "Every sentence of this abstract says the same thing again. ";
		String summary = sentence.repeat(10) + "The final words.";
		list(TestPapers.paper("2506.00001").withSummary(summary).build(), JUNE_2, null);

		String text = HtmlText.of(cards(page("/papers/date/2025-06-02")).get(0));

		assertThat(text).contains(sentence.repeat(3).strip()).contains("…").doesNotContain("The final words.");
	}

	@Test
	void markupInATitleOrAbstractIsShownAsTextOnTheCard() throws Exception {
		list(TestPapers.paper("2506.00001")
			.withTitle("<script>alert(1)</script> $\\alpha$ &amp; more")
			.withSummary("An <b>abstract</b> with <img src=x onerror=alert(2)>")
			.build(), JUNE_2, null);

		String html = page("/papers/date/2025-06-02");

		assertThat(html).doesNotContain("<script>alert(1)</script>").doesNotContain("<img src=x");
		assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt; $\\alpha$ &amp;amp; more");
		assertThat(html).contains("&lt;b&gt;abstract&lt;/b&gt;");
	}

	@Test
	void theHomePageRedirectsToThePapers() throws Exception {
		this.mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/papers"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2025-13-01", "2025-02-30", "2025-6-2", "june-second", "20250602" })
	void aMalformedDateIsABadRequestPageWithoutATrace(String date) throws Exception {
		String html = this.mvc.perform(get("/papers/date/" + date))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains("Bad request").contains("YYYY-MM-DD");
		assertThat(html).doesNotContain("Exception").doesNotContain("at io.paperboy");
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private void list(Paper paper, LocalDate day, User submitter) {
		this.catalog.savePaper(paper, day);
		this.catalog.placeOnDailyList(TestPapers.entry(paper.id(), day, (submitter != null) ? submitter.id() : null));
	}

	private static Author[] authors(String... names) {
		return Arrays.stream(names).map((name) -> new Author(name, null, false)).toArray(Author[]::new);
	}

	/** The cards of a page, in the order shown. */
	static List<String> cards(String html) {
		String[] parts = html.split("<article class=\"card\">");
		return Arrays.stream(parts).skip(1).map((part) -> part.substring(0, part.indexOf("</article>"))).toList();
	}

	/** The paper ids of a page's cards, in the order shown. */
	static List<String> cardIds(String html) {
		Matcher matcher = CARD_TITLE.matcher(html);
		return matcher.results().map((result) -> result.group(1)).toList();
	}

}
