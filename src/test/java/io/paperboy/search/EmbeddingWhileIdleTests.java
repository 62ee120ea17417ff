package io.paperboy.search;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.Paper;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.HeldAnswers;
import io.paperboy.support.ServerTest;
import io.paperboy.support.TestPapers;
import io.paperboy.web.RequestsInFlight;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.context.support.GenericWebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedding queue's extra threads ({@code paperboy.search.embedding-idle-threads}) embed beside
 * the thread that always does while the server answers no request, stop taking papers while one is
 * answered (held open by the test, through the running server), take them again afterwards, and
 * never embed a paper another thread took. The queue is counted, not timed; the machine's load is
 * left out ({@link IndexSync#readLoadFrom}), so that other work on the machine does not decide.
 */
@ServerTest
@ExtendWith(EmptyCatalog.class)
class EmbeddingWhileIdleTests {

	private static final int PAPERS = 240;

	/** Small batches, so that each thread takes several in the test's few seconds. */
	private static final int BATCH = 4;

	@LocalServerPort
	int port;

	@Autowired
	Embedder embedder;

	@Autowired
	Catalog catalog;

	@Autowired
	SearchRepository repository;

	@Autowired
	RequestsInFlight requests;

	@Autowired
	HeldAnswers.Gate gate;

	@TempDir
	Path folder;

	private IndexSync sync;

	@BeforeEach
	void papersWithoutVectors() {
		this.gate.reset();
		List<Paper> papers = new ArrayList<>();
		for (int i = 1; i <= PAPERS; i++) {
			papers.add(TestPapers.paper(String.format(Locale.ROOT, "2506.%05d", i))
				.withTitle("Paper number " + i + " on sparse attention")
				.publishedAt(Instant.parse("2025-06-01T00:00:00Z").plus(Duration.ofMinutes(i)))
				.build());
		}
		this.catalog.savePapers(papers, LocalDate.of(2025, 6, 2));
	}

	@AfterEach
	void stop() {
		this.gate.release();
		if (this.sync != null) {
			this.sync.stop();
		}
	}

	@Test
	void extraThreadsEmbedWhileNoRequestIsAnsweredAndStandAsideWhileOneIs() throws Exception {
		EmbeddingQueue queue = start(1);

		await("both kinds of thread to take papers").atMost(Duration.ofSeconds(120))
			.until(() -> queue.batchesTakenWhenIdle() >= 2 && queue.batchesTakenAlways() >= 2);

		CompletableFuture<HttpResponse<Void>> held = HttpClient.newHttpClient()
			.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/test/large")).build(),
					HttpResponse.BodyHandlers.discarding());
		assertThat(this.gate.awaitEntered(10, TimeUnit.SECONDS)).as("the request reached the server").isTrue();
		await("the extra thread to stand aside").atMost(Duration.ofSeconds(10)).until(queue::extraThreadsStandAside);
		long takenWhenIdle = queue.batchesTakenWhenIdle();
		long takenAlways = queue.batchesTakenAlways();
		await("the thread that always embeds to take three more batches").atMost(Duration.ofSeconds(15))
			.until(() -> queue.batchesTakenAlways() >= takenAlways + 3);
		assertThat(this.gate.finished()).as("the request still held").isFalse();
		assertThat(queue.batchesTakenWhenIdle()).as("batches the extra thread took while a request was answered")
			.isEqualTo(takenWhenIdle);
		assertThat(this.sync.status().threadsEmbedding()).isLessThanOrEqualTo(1);

		this.gate.release();
		assertThat(held.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
		await("the extra thread to take papers again").atMost(Duration.ofSeconds(60))
			.until(() -> queue.batchesTakenWhenIdle() > takenWhenIdle);

		// the queue counts a batch just after storing it: both are waited for
		await("every paper embedded").atMost(Duration.ofSeconds(180))
			.until(() -> this.sync.index().countEmbedded() == PAPERS && queue.embeddedSinceStart() >= PAPERS);
		assertThat(queue.embeddedSinceStart()).as("papers embedded, none twice").isEqualTo(PAPERS);
		SearchStatus status = this.sync.status();
		assertThat(status.alwaysThreads()).isEqualTo(1);
		assertThat(status.idleThreads()).isEqualTo(1);
	}

	@Test
	void noExtraThreadEmbedsWhenTheSettingIsZero() {
		EmbeddingQueue queue = start(0);

		// the queue counts a batch just after storing it: both are waited for
		await("every paper embedded").atMost(Duration.ofSeconds(180))
			.until(() -> this.sync.index().countEmbedded() == PAPERS && queue.embeddedSinceStart() >= PAPERS);

		assertThat(queue.idleThreads()).isZero();
		assertThat(queue.batchesTakenWhenIdle()).isZero();
		assertThat(queue.batchesTakenAlways()).isGreaterThanOrEqualTo(PAPERS / BATCH);
		assertThat(queue.embeddedSinceStart()).isEqualTo(PAPERS);
		assertThat(this.sync.status().idleThreads()).isZero();
	}

	@Test
	void theExtraThreadsTakeTheCoresLeftOverByDefault() {
		assertThat(properties(1, null).idleThreads(2)).isEqualTo(1);
		assertThat(properties(1, null).idleThreads(8)).isEqualTo(7);
		assertThat(properties(2, null).idleThreads(2)).isZero();
		assertThat(properties(4, null).idleThreads(2)).as("never fewer than none").isZero();
		assertThat(properties(1, 0).idleThreads(8)).isZero();
		assertThat(properties(1, 3).idleThreads(2)).as("as many as the operator asks").isEqualTo(3);
	}

	private EmbeddingQueue start(int idleThreads) {
		this.sync = new IndexSync(properties(1, idleThreads),
				new IndexLocation(this.folder.resolve("index"), this.folder.resolve("native")), this.embedder,
				this.catalog, this.repository, Clock.systemUTC(), new GenericWebApplicationContext(), this.requests);
		this.sync.readLoadFrom(() -> Double.NaN);
		this.sync.start();
		return this.sync.embeddingQueue();
	}

	private static SearchProperties properties(int threads, Integer idleThreads) {
		return new SearchProperties(null, Duration.ofMillis(250), Duration.ofSeconds(5), Duration.ofSeconds(10), true,
				BATCH, threads, idleThreads);
	}

}
