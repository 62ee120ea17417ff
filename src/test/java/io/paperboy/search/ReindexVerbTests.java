package io.paperboy.search;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import io.paperboy.catalog.Catalog;
import io.paperboy.cli.VerbRunner;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.TestPapers;
import io.paperboy.support.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code reindex}, run as a command-line verb runs: without a web server, so the index is opened by
 * the verb alone.
 */
@WebTest
@TestPropertySource(properties = "paperboy.search.embeddings=true")
@ExtendWith(EmptyCatalog.class)
class ReindexVerbTests {

	@Autowired
	private VerbRunner verbs;

	@Autowired
	private Catalog catalog;

	@Autowired
	private IndexSync sync;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@BeforeEach
	void threePapers() {
		for (String id : List.of("2506.00001", "2506.00002", "2506.00003")) {
			this.catalog.savePaper(TestPapers.paper(id).build(), LocalDate.of(2025, 6, 2));
		}
	}

	@Test
	void reindexIndexesAndEmbedsEveryPaperOfTheDatabase() {
		assertThat(run("reindex")).isZero();
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("Papers indexed:   3 in")
			.contains("Papers embedded:  3 in")
			.contains("0 kept their vectors");
		assertThat(this.sync.index().count()).isEqualTo(3);
		assertThat(this.sync.index().countEmbedded()).isEqualTo(3);
	}

	@Test
	void reindexingAgainKeepsTheVectorsOfUnchangedPapers() {
		run("reindex");
		this.catalog.savePaper(TestPapers.paper("2506.00002").withTitle("A changed title").build(), LocalDate.of(2025, 6, 3));
		this.out.reset();
		assertThat(run("reindex")).isZero();
		// the running application's own index may embed the changed paper before the verb does: either
		// way the two unchanged papers keep their vectors and the changed one is embedded once
		java.util.regex.Matcher counts = java.util.regex.Pattern
			.compile("Papers embedded:  (\\d) in .*; (\\d) kept their vectors")
			.matcher(this.out.toString(StandardCharsets.UTF_8));
		assertThat(counts.find()).as(this.out.toString(StandardCharsets.UTF_8)).isTrue();
		int embedded = Integer.parseInt(counts.group(1));
		int kept = Integer.parseInt(counts.group(2));
		assertThat(embedded).isLessThanOrEqualTo(1);
		assertThat(embedded + kept).isEqualTo(3);
		assertThat(this.sync.index().countEmbedded()).isEqualTo(3);
	}

	@Test
	void reindexTextOnlyLeavesTheEmbeddingToTheServer() {
		assertThat(run("reindex", "text-only")).isZero();
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("Papers indexed:   3 in")
			.doesNotContain("embedded");
		assertThat(run("reindex", "everything")).isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("Usage: reindex [text-only]");
	}

	private int run(String... words) {
		return this.verbs.run(List.of(words), new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

}
