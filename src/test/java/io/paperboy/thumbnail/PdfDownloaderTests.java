package io.paperboy.thumbnail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import io.paperboy.support.ScriptedHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PdfDownloaderTests {

	private static final Map<String, String> PDF = Map.of("Content-Type", "application/pdf");

	private static final long MAX = 1024 * 1024;

	private final ScriptedHttpServer arxiv = ScriptedHttpServer.start();

	@TempDir
	Path folder;

	@AfterEach
	void close() {
		this.arxiv.close();
	}

	@Test
	void aPdfIsSavedToTheFileAsItCame() throws Exception {
		byte[] pdf = TestPdfs.paper("Saved");
		this.arxiv.when((request) -> request.path().equals("/pdf/2401.00001")).thenRespond(200, PDF, pdf);

		Path file = this.folder.resolve("paper.pdf");
		downloader(Duration.ZERO, Duration.ofSeconds(10)).download(this.arxiv.uri("/pdf/2401.00001"), file, MAX);

		assertThat(Files.readAllBytes(file)).isEqualTo(pdf);
	}

	@Test
	void everyRequestSaysWhoAsksAndHowToReachThem() throws Exception {
		this.arxiv.always().thenRespond(200, PDF, TestPdfs.paper("Polite"));

		downloader(Duration.ZERO, Duration.ofSeconds(10)).download(this.arxiv.uri("/pdf/2401.00001"),
				this.folder.resolve("paper.pdf"), MAX);

		assertThat(this.arxiv.requests().get(0).headers()).containsEntry("user-agent",
				"Paperboy/0.1 (mailto:ops@example.org)");
	}

	@Test
	void aMissingPaperIsALastingFailureAskedOnce() {
		PdfDownloader downloader = downloader(Duration.ZERO, Duration.ofSeconds(10));

		assertThatExceptionOfType(ThumbnailFailure.class)
			.isThrownBy(() -> downloader.download(this.arxiv.uri("/pdf/2401.99999"), this.folder.resolve("p.pdf"), MAX))
			.satisfies((failure) -> assertThat(failure.mayPass()).isFalse())
			.withMessageEndingWith("answered HTTP 404");
		assertThat(this.arxiv.requests()).hasSize(1);
	}

	@Test
	void aBusyServerIsAskedAgainAfterABackOff() throws Exception {
		byte[] pdf = TestPdfs.paper("Second time lucky");
		this.arxiv.always().thenRespond(503, Map.of(), "busy").thenRespond(200, PDF, pdf);

		Path file = this.folder.resolve("paper.pdf");
		downloader(Duration.ZERO, Duration.ofSeconds(10)).download(this.arxiv.uri("/pdf/2401.00002"), file, MAX);

		assertThat(Files.readAllBytes(file)).isEqualTo(pdf);
		assertThat(this.arxiv.requests()).hasSize(2);
	}

	@Test
	void aServerBusyAtEveryAttemptIsAFailureThatMayPass() {
		this.arxiv.always().thenRespond(503, Map.of(), "busy");
		PdfDownloader downloader = downloader(Duration.ZERO, Duration.ofSeconds(10));

		assertThatExceptionOfType(ThumbnailFailure.class)
			.isThrownBy(() -> downloader.download(this.arxiv.uri("/pdf/2401.00003"), this.folder.resolve("p.pdf"), MAX))
			.satisfies((failure) -> assertThat(failure.mayPass()).isTrue())
			.withMessageContaining("failed 2 times, last: answered HTTP 503");
		assertThat(this.arxiv.requests()).hasSize(2);
	}

	@Test
	void aServerThatNeverAnswersTimesOutAndMayBeTriedLater() {
		this.arxiv.always().thenStall(Duration.ofSeconds(30));
		PdfDownloader downloader = downloader(Duration.ZERO, Duration.ofMillis(300));

		assertThatExceptionOfType(ThumbnailFailure.class)
			.isThrownBy(() -> downloader.download(this.arxiv.uri("/pdf/2401.00004"), this.folder.resolve("p.pdf"), MAX))
			.satisfies((failure) -> assertThat(failure.mayPass()).isTrue())
			.withMessageContaining("failed 2 times");
	}

	@Test
	void aConnectionDroppedMidBodyIsTriedAgain() throws Exception {
		byte[] whole = TestPdfs.paper("Whole");
		this.arxiv.always().thenDropMidBody(200, PDF, "%PDF-1.7 " + "x".repeat(1000)).thenRespond(200, PDF, whole);

		Path file = this.folder.resolve("paper.pdf");
		downloader(Duration.ZERO, Duration.ofSeconds(10)).download(this.arxiv.uri("/pdf/2401.00005"), file, MAX);

		assertThat(Files.readAllBytes(file)).isEqualTo(whole);
		assertThat(this.arxiv.requests()).hasSize(2);
	}

	@Test
	void aPageInsteadOfAPdfIsALastingFailure() {
		this.arxiv.always().thenRespond(200, Map.of("Content-Type", "text/html"), "<html>Please verify you are human</html>");
		PdfDownloader downloader = downloader(Duration.ZERO, Duration.ofSeconds(10));

		assertThatExceptionOfType(ThumbnailFailure.class)
			.isThrownBy(() -> downloader.download(this.arxiv.uri("/pdf/2401.00006"), this.folder.resolve("p.pdf"), MAX))
			.satisfies((failure) -> assertThat(failure.mayPass()).isFalse())
			.withMessageEndingWith("did not answer with a PDF");
	}

	@Test
	void aPdfLargerThanAllowedIsRefusedAndNotKept() {
		this.arxiv.always().thenRespond(200, PDF, TestPdfs.paper("Large"));
		PdfDownloader downloader = downloader(Duration.ZERO, Duration.ofSeconds(10));
		Path file = this.folder.resolve("p.pdf");

		assertThatExceptionOfType(ThumbnailFailure.class)
			.isThrownBy(() -> downloader.download(this.arxiv.uri("/pdf/2401.00007"), file, 100))
			.satisfies((failure) -> assertThat(failure.mayPass()).isFalse())
			.withMessageContaining("is larger than");
		assertThat(file).doesNotExist();
		assertThat(this.arxiv.requests()).hasSize(1);
	}

	@Test
	void aBodyThatGrowsPastTheLimitUndeclaredIsCutOff() {
		// a server that says nothing of the length: the body is counted as it comes
		byte[] pdf = TestPdfs.paper("Undeclared");
		this.arxiv.always().thenRespond(200, Map.of("Content-Type", "application/pdf", "Connection", "close"), pdf);
		PdfDownloader downloader = downloader(Duration.ZERO, Duration.ofSeconds(10));

		assertThatExceptionOfType(ThumbnailFailure.class)
			.isThrownBy(() -> downloader.download(this.arxiv.uri("/pdf/2401.00008"), this.folder.resolve("p.pdf"), 100))
			.satisfies((failure) -> assertThat(failure.mayPass()).isFalse());
	}

	@Test
	void requestsAreSpacedByTheDelay() throws Exception {
		this.arxiv.always().thenRespond(200, PDF, TestPdfs.paper("Spaced"));
		PdfDownloader downloader = downloader(Duration.ofMillis(400), Duration.ofSeconds(10));

		long start = System.nanoTime();
		downloader.download(this.arxiv.uri("/pdf/2401.00001"), this.folder.resolve("a.pdf"), MAX);
		downloader.download(this.arxiv.uri("/pdf/2401.00002"), this.folder.resolve("b.pdf"), MAX);

		// the second request cannot have started before the delay had passed since the first began
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
		assertThat(this.arxiv.requests()).hasSize(2);
	}

	@Test
	void aStoppedDownloaderGivesUpAtOnce() {
		this.arxiv.always().thenStall(Duration.ofSeconds(30));
		PdfDownloader downloader = downloader(Duration.ZERO, Duration.ofSeconds(60));
		downloader.stop();

		assertThatExceptionOfType(ThumbnailFailure.class)
			.isThrownBy(() -> downloader.download(this.arxiv.uri("/pdf/2401.00009"), this.folder.resolve("p.pdf"), MAX))
			.withMessageContaining("the application is stopping");
		assertThat(this.arxiv.requests()).isEmpty();
	}

	private static PdfDownloader downloader(Duration delay, Duration requestTimeout) {
		return new PdfDownloader(new PdfDownloader.Settings("Paperboy/0.1 (mailto:ops@example.org)", delay,
				Duration.ofSeconds(2), requestTimeout, 2, Duration.ofMillis(10)), Clock.systemUTC());
	}

}
