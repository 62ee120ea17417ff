package io.paperboy.search;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.Paper;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.HtmlText;
import io.paperboy.support.Operators;
import io.paperboy.support.TestPapers;
import io.paperboy.support.WebTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What readers and operators see while the search index is built from scratch: the search page and
 * {@code /admin/search} say how far it has come, the newest papers are found already, and once it ends
 * every paper is found and the notice is gone. The API answers in its usual shape throughout.
 */
@WebTest
@ExtendWith(EmptyCatalog.class)
class SearchPagesWhileBuildingTests {

	private static final int PAPERS = 1_200;

	private static final String NOTICE = "Building the search index: 500 of 1,200 papers, newest first; older papers will appear as it goes.";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Catalog catalog;

	@Autowired
	private IndexSync sync;

	private final CountDownLatch held = new CountDownLatch(1);

	private final CountDownLatch release = new CountDownLatch(1);

	@AfterEach
	void releaseTheRebuild() {
		this.release.countDown();
	}

	@Test
	void theSearchPageAndTheAdminPageSayHowFarTheBuildHasComeUntilItEnds() throws Exception {
		List<Paper> papers = new ArrayList<>();
		papers.add(TestPapers.paper("hep-th/9901001")
			.withTitle("Supersymmetric strings in ten dimensions")
			.publishedAt(Instant.parse("1999-01-01T00:00:00Z"))
			.build());
		for (int i = 1; i < PAPERS - 1; i++) {
			papers.add(TestPapers.paper(String.format(Locale.ROOT, "2506.%05d", i))
				.publishedAt(Instant.parse("2025-06-01T00:00:00Z").plus(Duration.ofMinutes(i)))
				.build());
		}
		papers.add(TestPapers.paper("2506.09999")
			.withTitle("Gravitational lensing of quasars")
			.publishedAt(Instant.parse("2025-06-02T00:00:00Z"))
			.build());
		this.catalog.savePapers(papers, LocalDate.of(2025, 6, 2));
		this.sync.flush();
		// the index lost, as after an upgrade that changes its format: built again from the database
		this.sync.index().clear();
		this.sync.index().refresh();

		CompletableFuture<Integer> build = CompletableFuture.supplyAsync(() -> this.sync.rebuild((done) -> {
			if (done == ChangeBatches.BATCH) {
				this.held.countDown();
				try {
					this.release.await(60, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}));
		assertThat(this.held.await(60, TimeUnit.SECONDS)).as("the build reached its first batch").isTrue();

		assertThat(page("/papers/search?q=quasars")).contains(NOTICE).contains("Gravitational lensing of quasars");
		assertThat(page("/papers/search?q=supersymmetric")).contains(NOTICE).contains("No papers found");
		assertThat(page("/papers/search")).contains(NOTICE);
		this.mvc.perform(get("/api/papers/search").param("q", "quasars").param("mode", "text"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].paper.id").value("2506.09999"));
		assertThat(admin()).contains(NOTICE).contains("Papers indexed (found by words) 500 — rebuilding now");

		this.release.countDown();
		assertThat(build.get(60, TimeUnit.SECONDS)).isEqualTo(PAPERS);

		assertThat(page("/papers/search?q=supersymmetric")).doesNotContain("Building the search index")
			.contains("Supersymmetric strings in ten dimensions");
		assertThat(admin()).doesNotContain("Building the search index").contains("Papers indexed (found by words) 1200");
	}

	private String page(String url) throws Exception {
		return HtmlText.of(this.mvc.perform(get(url))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

	private String admin() throws Exception {
		return HtmlText.of(this.mvc.perform(get("/admin/search").with(Operators.operator()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

}
