package io.paperboy.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.paperboy.catalog.ArxivRecord;
import io.paperboy.catalog.Author;
import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.PaperVersion;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.HtmlText;
import io.paperboy.support.WebTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebTest
@ExtendWith(EmptyCatalog.class)
class ArxivPagesTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Catalog catalog;

	@Test
	void theNewestPublishedPapersComeFirstWhetherListedOrNot() throws Exception {
		save("2506.00001", "2025-06-01T10:00:00Z", "cs.CL");
		save("2506.00003", "2025-06-03T10:00:00Z", "cs.LG", "cs.CL");
		save("2506.00002", "2025-06-02T10:00:00Z", "cs.CV");

		String html = page("/papers/arxiv");

		assertThat(DailyPagesTests.cardIds(html)).containsExactly("2506.00003", "2506.00002", "2506.00001");
		assertThat(HtmlText.of(html)).contains("3 papers, most recently published first");
	}

	@Test
	void aCategoryShowsThePapersWhosePrimaryCategoryItIs() throws Exception {
		save("2506.00001", "2025-06-01T10:00:00Z", "cs.CL");
		save("2506.00002", "2025-06-02T10:00:00Z", "cs.LG", "cs.CL");
		save("2506.00003", "2025-06-03T10:00:00Z", "cs.CL", "cs.AI");

		String html = page("/papers/arxiv?category=cs.CL");

		assertThat(DailyPagesTests.cardIds(html)).containsExactly("2506.00003", "2506.00001");
		assertThat(html).contains("<a href=\"/papers/arxiv?category=cs.CL\" aria-current=\"page\">cs.CL</a>");
	}

	@Test
	void fiftyPapersMakeAPageAndTheNextPageHasTheRest() throws Exception {
		List<ArxivRecord> records = new ArrayList<>();
		for (int i = 1; i <= 53; i++) {
			records.add(record(String.format("2506.%05d", i), Instant.parse("2025-06-01T00:00:00Z").plusSeconds(i * 60L),
					"cs.CL"));
		}
		this.catalog.saveArxivRecords(records);

		String first = page("/papers/arxiv?category=cs.CL");
		String second = page("/papers/arxiv?category=cs.CL&p=2");

		assertThat(DailyPagesTests.cardIds(first)).hasSize(50).startsWith("2506.00053");
		assertThat(first).contains("href=\"/papers/arxiv?category=cs.CL&amp;p=2\"");
		assertThat(DailyPagesTests.cardIds(second)).containsExactly("2506.00003", "2506.00002", "2506.00001");
		this.mvc.perform(get("/papers/arxiv?category=cs.CL&p=3")).andExpect(status().isNotFound());
	}

	@Test
	void anEmptyCatalogSaysHowPapersArrive() throws Exception {
		assertThat(HtmlText.of(page("/papers/arxiv"))).contains("No papers yet.", "ingest run arxiv");
	}

	@Test
	void aMalformedCategoryOrPageIsABadRequest() throws Exception {
		this.mvc.perform(get("/papers/arxiv?category=<script>")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/papers/arxiv?p=0")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/papers/arxiv?p=two")).andExpect(status().isBadRequest());
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private void save(String id, String publishedAt, String... categories) {
		this.catalog.saveArxivRecords(List.of(record(id, Instant.parse(publishedAt), categories)));
	}

	private static ArxivRecord record(String id, Instant publishedAt, String... categories) {
		return new ArxivRecord(id, 1, "Paper " + id, "Abstract of " + id, List.of(Author.fromArxiv("A. Author", List.of())),
				List.of(categories), publishedAt, publishedAt, null, null, null, null,
				List.of(new PaperVersion(1, publishedAt, null)));
	}

}
