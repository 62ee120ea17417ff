package io.paperboy.feed;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.paperboy.catalog.Catalog;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.HtmlText;
import io.paperboy.support.TestPapers;
import io.paperboy.support.WebTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

@WebTest
@ExtendWith(EmptyCatalog.class)
class AuthorPagesTests {

	private static final LocalDate JUNE_2 = LocalDate.of(2025, 6, 2);

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Catalog catalog;

	@Test
	void anAuthorsPageListsTheirPapersNewestFirstWithCounts() throws Exception {
		save("2506.00001", "2025-06-01T10:00:00Z", 3, "Zoë Ångström", "Alan Turing");
		save("2506.00003", "2025-06-03T10:00:00Z", 4, "Grace Hopper", "Zoë Ångström");
		save("2506.00002", "2025-06-02T10:00:00Z", 0, "Alan Turing");

		String html = page("/authors/Zoë Ångström");

		assertThat(DailyPagesTests.cardIds(html)).containsExactly("2506.00003", "2506.00001");
		assertThat(html).contains("<h1>Zoë Ångström</h1>").contains("<title>Zoë Ångström · Paperboy</title>")
			.contains("<meta name=\"description\" content=\"Papers by Zoë Ångström: 2 papers, Jun 1, 2025 to Jun 3, 2025.\">");
		assertThat(HtmlText.of(html)).contains("2 papers, Jun 1, 2025 to Jun 3, 2025 · 7 upvotes · most recently published first");
	}

	@Test
	void theNameIsFoundWhateverItsCaseAccentsAndSpaces() throws Exception {
		save("2506.00001", "2025-06-01T10:00:00Z", 1, "Zoë Ångström");

		String html = page("/authors/zoe  ANGSTROM");

		assertThat(html).contains("<h1>Zoë Ångström</h1>").contains("1 paper, Jun 1, 2025 ·");
		assertThat(DailyPagesTests.cardIds(html)).containsExactly("2506.00001");
	}

	@Test
	void everyAuthorLinkOfACardLeadsToThatAuthorsPage() throws Exception {
		String[] names = { "Zoë Ångström/Ø?#&", "<script>alert(1)</script>", "O'Brien; \"Jr.\" 100% \\o/" };
		save("2506.00001", "2025-06-01T10:00:00Z", 0, names);

		String card = DailyPagesTests.cards(page("/papers/arxiv")).get(0);
		Matcher links = Pattern.compile("<a href=\"(/authors/[^\"]+)\">").matcher(card);

		int followed = 0;
		while (links.find()) {
			String html = page(URI.create(links.group(1).replace("&amp;", "&").replace("&#39;", "'")));
			assertThat(HtmlText.of(html.substring(html.indexOf("<h1>"), html.indexOf("</h1>")))).isEqualTo(names[followed]);
			followed++;
		}
		assertThat(followed).isEqualTo(3);
		assertThat(card).doesNotContain("<script>alert(1)</script>");
	}

	@Test
	void aProlificAuthorsPapersComeThirtyToAPage() throws Exception {
		for (int i = 1; i <= 31; i++) {
			save("2506.%05d".formatted(i), Instant.parse("2025-06-01T00:00:00Z").plusSeconds(i * 60L).toString(), 0,
					"Ada Lovelace");
		}

		String first = page("/authors/Ada Lovelace");
		String second = page("/authors/Ada Lovelace?p=2");

		assertThat(DailyPagesTests.cardIds(first)).hasSize(30).startsWith("2506.00031");
		assertThat(first).contains("<a href=\"/authors/Ada%20Lovelace?p=2\">Page 2 →</a>").contains("Page 1 of 2");
		assertThat(DailyPagesTests.cardIds(second)).containsExactly("2506.00001");
		assertThat(second).contains("<a href=\"/authors/Ada%20Lovelace\">← Page 1</a>")
			.contains("<title>Ada Lovelace, page 2 · Paperboy</title>");
		assertThat(status("/authors/Ada Lovelace?p=3")).isEqualTo(404);
		assertThat(status("/authors/Ada Lovelace?p=0")).isEqualTo(400);
		assertThat(status("/authors/Ada Lovelace?p=x")).isEqualTo(400);
	}

	@Test
	void anAuthorNoPaperNamesIsAFriendlyNotFoundPage() throws Exception {
		save("2506.00001", "2025-06-01T10:00:00Z", 0, "Ada Lovelace");

		for (String name : new String[] { "Ada", "<script>alert(1)</script>", " ", "x".repeat(600) }) {
			MockHttpServletResponse response = this.mvc.perform(get("/authors/{name}", name)).andReturn().getResponse();
			assertThat(response.getStatus()).as(name).isEqualTo(404);
			assertThat(response.getContentType()).startsWith(MediaType.TEXT_HTML_VALUE);
			assertThat(response.getContentAsString()).contains("Not found").doesNotContain("<script>alert(1)</script>")
				.doesNotContain("Exception");
		}
		assertThat(this.mvc.perform(get("/authors/Ada")).andReturn().getResponse().getContentAsString())
			.contains("No paper in the catalog names an author \"Ada\".");
	}

	private void save(String id, String publishedAt, int upvotes, String... authors) {
		this.catalog.savePaper(TestPapers.paper(id).withAuthors(authors).withUpvotes(upvotes)
			.publishedAt(Instant.parse(publishedAt)).build(), JUNE_2);
	}

	private int status(String path) throws Exception {
		return this.mvc.perform(get(path)).andReturn().getResponse().getStatus();
	}

	private String page(String template, Object... variables) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(template, variables)).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString();
	}

	private String page(URI uri) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(uri)).andReturn().getResponse();
		assertThat(response.getStatus()).as(uri.toString()).isEqualTo(200);
		return response.getContentAsString();
	}

}
