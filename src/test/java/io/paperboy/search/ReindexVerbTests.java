package io.paperboy.search;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.paperboy.catalog.Catalog;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.TestPapers;
import io.paperboy.support.WebTest;
import io.paperboy.web.RequestsInFlight;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code reindex}, run as a command-line verb runs: in an application without a web server, whose
 * index has no writer thread and no embedding queue, so the index is written by the verb alone. (The
 * test application's own index, a server's, embeds the papers a test saves in the background: a verb
 * sharing it would find some already embedded, more or fewer as the machine is busy.)
 */
@WebTest
@TestPropertySource(properties = "paperboy.search.embeddings=true")
@ExtendWith(EmptyCatalog.class)
class ReindexVerbTests {

	@Autowired
	private SearchProperties properties;

	@Autowired
	private Embedder embedder;

	@Autowired
	private Catalog catalog;

	@Autowired
	private SearchRepository repository;

	@TempDir
	Path folder;

	private IndexSync sync;

	private ReindexVerb verb;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@BeforeEach
	void threePapersAndAVerbProcess() {
		for (String id : List.of("2506.00001", "2506.00002", "2506.00003")) {
			this.catalog.savePaper(TestPapers.paper(id).build(), LocalDate.of(2025, 6, 2));
		}
		// a context that is not a web application's: the index a command-line verb has
		this.sync = new IndexSync(this.properties, new IndexLocation(this.folder, this.folder.resolve("native")),
				this.embedder, this.catalog, this.repository, Clock.systemUTC(), new StaticApplicationContext(),
				new RequestsInFlight());
		this.sync.start();
		this.verb = new ReindexVerb(this.sync, this.embedder, this.catalog, this.properties);
	}

	@AfterEach
	void stopTheVerbProcess() {
		this.sync.stop();
	}

	@Test
	void reindexIndexesAndEmbedsEveryPaperOfTheDatabase() {
		assertThat(reindex()).isZero();
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("Papers indexed:   3 in")
			.contains("Papers embedded:  3 in")
			.contains("0 kept their vectors");
		assertThat(this.sync.index().count()).isEqualTo(3);
		assertThat(this.sync.index().countEmbedded()).isEqualTo(3);
	}

	@Test
	void reindexingAgainKeepsTheVectorsOfUnchangedPapers() {
		reindex();
		this.catalog.savePaper(TestPapers.paper("2506.00002").withTitle("A changed title").build(), LocalDate.of(2025, 6, 3));
		this.out.reset();

		assertThat(reindex()).isZero();

		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("Papers embedded:  1 in")
			.contains("2 kept their vectors");
		assertThat(this.sync.index().countEmbedded()).isEqualTo(3);
	}

	@Test
	void reindexTextOnlyLeavesTheEmbeddingToTheServer() {
		assertThat(reindex("text-only")).isZero();
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("Papers indexed:   3 in")
			.doesNotContain("embedded");
		assertThat(this.sync.index().countEmbedded()).isZero();
		assertThat(reindex("everything")).isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("Usage: reindex [text-only]");
	}

	/** {@code reindex} with these operands, as the command line gives them to the verb. */
	private int reindex(String... operands) {
		return this.verb.run(List.of(operands), new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

}
