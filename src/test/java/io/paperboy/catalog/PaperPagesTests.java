package io.paperboy.catalog;

import java.time.Instant;
import java.time.LocalDate;

import io.paperboy.account.User;
import io.paperboy.account.UserDirectory;
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
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebTest
@ExtendWith(EmptyCatalog.class)
class PaperPagesTests {

	private static final LocalDate JUNE_2 = LocalDate.of(2025, 6, 2);

	private static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Catalog catalog;

	@Autowired
	private UserDirectory users;

	@Test
	void aPaperPageShowsEverythingKnownAboutThePaper() throws Exception {
		User submitter = this.users.ensureImported("akhaliq", "AK", null, null);
		this.catalog.savePaper(described("2506.00001"), JUNE_2);
		this.catalog.placeOnDailyList(TestPapers.entry("2506.00001", JUNE_2, submitter.id()));

		String html = page("/papers/2506.00001");
		String text = HtmlText.of(html);

		assertThat(html).contains("<h1>A Fully Described Paper</h1>");
		assertThat(html).contains("<title>A Fully Described Paper · Paperboy</title>");
		assertThat(text).contains("Ada Lovelace").contains("Alan Turing").contains("Grace Hopper")
			.contains("Edsger Dijkstra").contains("Barbara Liskov");
		assertThat(text).contains("Line one of the abstract and line two, with no break left between them.");
		assertThat(text).contains("Published May 30, 2025").contains("Updated Jun 3, 2025");
		assertThat(text).contains("▲ 12 upvotes").contains("0 comments 4 comments on Hugging Face").contains("Submitted by AK");
		assertThat(html).contains("<span class=\"tag\">cs.CL</span>").contains("<span class=\"tag\">cs.LG</span>");
		assertThat(html).contains("href=\"https://arxiv.org/abs/2506.00001\"")
			.contains("href=\"https://arxiv.org/pdf/2506.00001\"")
			.contains("<a href=\"https://github.com/example/described\">GitHub ★ 321</a>")
			.contains("<a href=\"https://example.org/described\">Project page</a>")
			.contains("href=\"/papers/2506.00001.md\"");
		assertThat(text).contains("AI summary A machine's one-line summary.");
		assertThat(html).contains("<span class=\"tag\">reasoning</span>")
			.contains("<span class=\"tag\">reinforcement learning</span>");
		assertThat(html).contains("<a href=\"/papers/date/2025-06-02\">");
		assertThat(html).contains("<a href=\"/u/akhaliq\">AK</a>").contains("<a href=\"#comments\">0 comments</a>")
			.contains("<section class=\"comments\" id=\"comments\">");
	}

	@Test
	void aPaperPageOffersItsBibtexToSelectCopyAndDownload() throws Exception {
		this.catalog.savePaper(described("2506.00001"), JUNE_2);

		String html = page("/papers/2506.00001");

		assertThat(html).contains("<section class=\"citation\" id=\"cite\">")
			.contains("<pre class=\"bibtex\" id=\"bibtex\" tabindex=\"0\">@misc{lovelace2025a,\n  title = {A Fully Described Paper},\n"
					+ "  author = {Ada Lovelace and Alan Turing and Grace Hopper and Edsger Dijkstra and Barbara Liskov},\n")
			.contains("<button type=\"button\" class=\"copy\" data-copy=\"#bibtex\" hidden>Copy BibTeX</button>")
			.contains("<a href=\"/papers/2506.00001.bib\">Download BibTeX</a>");
	}

	@Test
	void theBibtexDownloadIsAFileOfOneEntry() throws Exception {
		this.catalog.savePaper(described("2506.00001"), JUNE_2);
		this.catalog.savePaper(TestPapers.paper("hep-th/9901001").withTitle("Strings, old style").build(), null);

		MvcResult result = this.mvc.perform(get("/papers/2506.00001.bib")).andExpect(status().isOk()).andReturn();
		MvcResult old = this.mvc.perform(get("/papers/hep-th/9901001v2.bib")).andExpect(status().isOk()).andReturn();

		assertThat(result.getResponse().getContentType()).isEqualTo("application/x-bibtex;charset=UTF-8");
		assertThat(result.getResponse().getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"2506.00001.bib\"");
		assertThat(result.getResponse().getContentAsString()).startsWith("@misc{lovelace2025a,\n").endsWith("\n}\n")
			.contains("  eprint = {2506.00001},\n  archivePrefix = {arXiv},\n  primaryClass = {cs.CL},\n");
		assertThat(old.getResponse().getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"hep-th_9901001.bib\"");
		assertThat(old.getResponse().getContentAsString()).contains("  title = {Strings, old style},\n")
			.contains("  eprint = {hep-th/9901001},\n");
		this.mvc.perform(get("/papers/2401.99999.bib")).andExpect(status().isNotFound());
	}

	@Test
	void aSharedLinkPreviewsWithTitleAbstractAndAbsoluteAddress() throws Exception {
		this.catalog.savePaper(TestPapers.paper("2401.00001")
			.withTitle("Previews \"quoted\" <b>&</b>")
			.withSummary("word ".repeat(100))
			.build(), null);

		String html = page("/papers/2401.00001");

		assertThat(html).contains("<meta property=\"og:type\" content=\"article\">")
			.contains("<meta property=\"og:title\" content=\"Previews &#34;quoted&#34; &lt;b>&amp;&lt;/b>\">")
			.contains("<meta property=\"og:url\" content=\"https://papers.example.org/papers/2401.00001\">")
			.contains("<link rel=\"canonical\" href=\"https://papers.example.org/papers/2401.00001\">")
			.contains("<meta name=\"twitter:card\" content=\"summary\">")
			.contains("<meta name=\"twitter:title\" content=\"Previews &#34;quoted&#34; &lt;b>&amp;&lt;/b>\">")
			.doesNotContain("og:image");
		String description = html.replaceAll("(?s).*<meta property=\"og:description\" content=\"([^\"]*)\">.*", "$1");
		assertThat(description).startsWith("word word ").endsWith("…").hasSizeLessThanOrEqualTo(300);
	}

	@Test
	void authorsReadAsAListAndAFewFoldUnderMoreWhenThereAreMany() throws Exception {
		String[] names = new String[15];
		for (int i = 0; i < names.length; i++) {
			names[i] = "Author " + (char) ('A' + i);
		}
		this.catalog.savePaper(TestPapers.paper("2506.00002").withAuthors(names).withGithub("https://github.com/example/none", 0)
			.build(), JUNE_2);
		this.catalog.savePaper(TestPapers.paper("2506.00003").withAuthors("Ada Lovelace", "Alan Turing").build(), JUNE_2);

		String many = page("/papers/2506.00002");
		String two = page("/papers/2506.00003");

		// a comma and a space between names, so that copied text keeps them apart
		String authors = many.replaceAll("\\s+", " ");
		assertThat(authors).contains("Author A</a>, <a class=\"author\" href=\"/authors/Author%20B\">Author B</a>, ")
			.contains("Author L</a>, <details class=\"more-authors\"><summary>+3 more</summary>")
			.contains("Author N</a>, <a class=\"author\" href=\"/authors/Author%20O\">Author O</a> </details>");
		assertThat(two.replaceAll("\\s+", " ")).contains("<div class=\"authors\" id=\"authors\">")
			.contains("Ada Lovelace</a>, <a class=\"author\" href=\"/authors/Alan%20Turing\">Alan Turing</a> </div>")
			.doesNotContain("more-authors");
		assertThat(many).contains(">GitHub</a>").doesNotContain("★");
	}

	@Test
	void aPaperOnNoListHasAPageAllTheSame() throws Exception {
		this.catalog.savePaper(TestPapers.paper("2401.00001").withTitle("Unlisted").build(), null);

		String html = page("/papers/2401.00001");

		assertThat(html).contains("<h1>Unlisted</h1>").doesNotContain("on the list of").doesNotContain("Submitted by");
	}

	@Test
	void markupInAuthorNamesIsShownAsTextAndTheirLinksStayAddresses() throws Exception {
		this.catalog.savePaper(TestPapers.paper("2401.00001")
			.withAuthors("<script>alert(1)</script>", "\"><img src=x onerror=alert(2)>", "Zoë Ångström/Ø?#&")
			.build(), null);

		String html = page("/papers/2401.00001");

		assertThat(html).doesNotContain("<script>alert(1)</script>").doesNotContain("<img src=x");
		assertThat(html).contains("<a class=\"author\" href=\"/authors/%3Cscript%3Ealert(1)%3C%20script%3E\">"
				+ "&lt;script&gt;alert(1)&lt;/script&gt;</a>")
			.contains("href=\"/authors/%22%3E%3Cimg%20src=x%20onerror=alert(2)%3E\">\"&gt;&lt;img src=x onerror=alert(2)&gt;</a>")
			.contains("href=\"/authors/Zo%C3%AB%20%C3%85ngstr%C3%B6m%20%C3%98%3F%23&amp;\">Zoë Ångström/Ø?#&amp;</a>");
	}

	@Test
	void markupInTitleAndAbstractIsShownAsTextNeverInterpreted() throws Exception {
		this.catalog.savePaper(TestPapers.paper("2401.00001")
			.withTitle("<script>alert(1)</script> for $\\alpha$ &amp; $\\beta$")
			.withSummary("We bound $O(n^2)$ <i>and</i> <a href=\"javascript:alert(2)\">more</a> &amp; less.")
			.build(), null);

		String html = page("/papers/2401.00001");

		assertThat(html).doesNotContain("<script>alert(1)</script>")
			.doesNotContain("<i>and</i>")
			.doesNotContain("<a href=\"javascript:");
		assertThat(html).contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt; for $\\alpha$ &amp;amp; $\\beta$</h1>");
		assertThat(html).contains("We bound $O(n^2)$ &lt;i&gt;and&lt;/i&gt;").contains("&amp;amp; less.");
	}

	@Test
	void aVersionedIdRedirectsToTheCanonicalId() throws Exception {
		this.catalog.savePaper(TestPapers.paper("2401.00001").build(), null);

		this.mvc.perform(get("/papers/2401.00001v3"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/papers/2401.00001"));
	}

	@Test
	void anOldStyleIdHasAPage() throws Exception {
		this.catalog.savePaper(TestPapers.paper("hep-th/9901001").withTitle("Strings, old style").build(), null);

		String html = page("/papers/hep-th/9901001");

		assertThat(html).contains("<h1>Strings, old style</h1>").contains("arXiv:hep-th/9901001");
	}

	@Test
	void anOldStyleIdWithASubjectClassHasAPage() throws Exception {
		this.catalog.savePaper(TestPapers.paper("math.GT/0309136").withTitle("Knots, old style").build(), null);

		assertThat(page("/papers/math.GT/0309136")).contains("<h1>Knots, old style</h1>");
	}

	@Test
	void aVersionedOldStyleIdRedirectsToTheCanonicalId() throws Exception {
		this.catalog.savePaper(TestPapers.paper("hep-th/9901001").build(), null);

		this.mvc.perform(get("/papers/hep-th/9901001v2"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/papers/hep-th/9901001"));
	}

	@Test
	void theMarkdownFormHasTitleAuthorsAbstractAndLinks() throws Exception {
		this.catalog.savePaper(described("2506.00001"), JUNE_2);

		String markdown = markdown("/papers/2506.00001.md");

		assertThat(markdown).startsWith("# A Fully Described Paper\n");
		assertThat(markdown).contains("**Authors:** Ada Lovelace, Alan Turing, Grace Hopper, Edsger Dijkstra, Barbara Liskov");
		assertThat(markdown).contains("## Abstract\n\nLine one of the abstract and line two, with no break left between them.");
		assertThat(markdown).contains("- arXiv: https://arxiv.org/abs/2506.00001")
			.contains("- PDF: https://arxiv.org/pdf/2506.00001")
			.contains("- Code: https://github.com/example/described")
			.contains("- Project page: https://example.org/described");
	}

	@Test
	void theMarkdownFormKeepsMarkupAsText() throws Exception {
		this.catalog.savePaper(TestPapers.paper("2401.00001").withTitle("<script>alert(1)</script> *bold* [link](x)").build(),
				null);

		String markdown = markdown("/papers/2401.00001.md");

		assertThat(markdown).startsWith("# &lt;script&gt;alert(1)&lt;/script&gt; \\*bold\\* \\[link\\](x)\n");
	}

	@Test
	void anOldStyleIdHasAMarkdownForm() throws Exception {
		this.catalog.savePaper(TestPapers.paper("hep-th/9901001").withTitle("Strings, old style").build(), null);

		assertThat(markdown("/papers/hep-th/9901001.md")).startsWith("# Strings, old style\n");
	}

	@Test
	void anUnknownPaperIsAFriendlyNotFoundPage() throws Exception {
		String html = this.mvc.perform(get("/papers/2401.99999"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains("Not found").contains("No paper 2401.99999 in this catalog.")
			.contains("<a href=\"/papers\">");
		assertNoTrace(html);
	}

	@Test
	void theMarkdownOfAnUnknownPaperIsNotFound() throws Exception {
		MvcResult result = this.mvc.perform(get("/papers/2401.99999.md")).andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(404);
		assertNoTrace(result.getResponse().getContentAsString());
	}

	@ParameterizedTest
	@ValueSource(strings = { "not-an-id", "2401.1", "2413.00001", "1501.0001", "hep-th/9913001", "<script>" })
	void aMalformedIdIsABadRequestPageWithoutATrace(String id) throws Exception {
		String html = this.mvc.perform(get("/papers/{id}", id))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains("Bad request").contains("Not an arXiv id");
		assertThat(html).doesNotContain("<script>\"");
		assertNoTrace(html);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/papers/hep-th/9901001x", "/papers/hep-th/990100", "/papers/2401.00001/comments/7" })
	void anAddressThatNamesNoPageIsNotFoundWithoutATrace(String path) throws Exception {
		String html = this.mvc.perform(get(path))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains("There is nothing at this address.");
		assertNoTrace(html);
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private String markdown(String path) throws Exception {
		MvcResult result = this.mvc.perform(get(path)).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(MediaType.parseMediaType(result.getResponse().getContentType()).isCompatibleWith(MARKDOWN)).isTrue();
		return result.getResponse().getContentAsString();
	}

	private static void assertNoTrace(String body) {
		assertThat(body).doesNotContain("Exception").doesNotContain("at io.paperboy").doesNotContain("at org.springframework");
	}

	private static Paper described(String id) {
		return TestPapers.paper(id)
			.withVersion(2, Instant.parse("2025-06-03T09:00:00Z"))
			.withTitle("A Fully\n  Described Paper")
			.withSummary("Line one of the abstract\nand line two,   with no break\n  left between them.")
			.publishedAt(Instant.parse("2025-05-30T17:59:01Z"))
			.withAuthors(new Author("Ada Lovelace", "a1", false), new Author("Alan Turing", "a2", false),
					new Author("Grace Hopper", "a3", false), new Author("Edsger Dijkstra", "a4", false),
					new Author("Barbara Liskov", "a5", false))
			.withCategories("cs.CL", "cs.LG")
			.withGithub("https://github.com/example/described", 321)
			.withProjectPage("https://example.org/described")
			.withAiSummary("A machine's one-line summary.", "reasoning", "reinforcement learning")
			.withDiscussion("disc-1")
			.withUpvotes(12)
			.withComments(4)
			.build();
	}

}
