package io.paperboy.ingest.arxiv;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.paperboy.ingest.ArxivConnection;
import io.paperboy.ingest.SourcesProperties;
import io.paperboy.ingest.http.FetchException;
import io.paperboy.ingest.http.PoliteHttpClient;
import io.paperboy.support.ScriptedHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpArxivClientTests {

	private static final Map<String, String> ATOM = Map.of("Content-Type", "application/atom+xml; charset=utf-8");

	private final ScriptedHttpServer server = ScriptedHttpServer.start();

	private final ArxivClient arxiv = new HttpArxivClient(new PoliteHttpClient(tinySettings(), Clock.systemUTC()),
			this.server.uri("/api/query"));

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	/**
	 * Test pace: 10 ms between requests, short backoffs, and requests that do not time out in a test
	 * (a minute): on a busy machine a short timeout could give up on an answer the script meant to be
	 * read, and spend the script's next answer on the retry.
	 */
	static PoliteHttpClient.Settings tinySettings() {
		return tinySettings(Duration.ofMinutes(1));
	}

	/** Test pace, with a request timeout for a test of timeouts. */
	static PoliteHttpClient.Settings tinySettings(Duration requestTimeout) {
		return new PoliteHttpClient.Settings("Paperboy-test (mailto:ops@example.org)", Duration.ofMillis(10),
				Duration.ofSeconds(1), requestTimeout, 3, Duration.ofMillis(10), Duration.ofMillis(50));
	}

	@Test
	void aLookUpAsksForTheIdsAndReadsTheRecordedAnswer() {
		this.server.when((request) -> "astro-ph/0601001".equals(request.parameter("id_list")))
			.thenRespond(200, ATOM, RecordedResponses.named("id_astro-ph_0601001_").body());

		ArxivFeed feed = this.arxiv.lookUp(List.of("astro-ph/0601001"));

		assertThat(feed.entries()).extracting((entry) -> entry.record().id()).containsExactly("astro-ph/0601001");
		ScriptedHttpServer.Request request = this.server.requests().get(0);
		assertThat(request.path()).isEqualTo("/api/query");
		assertThat(request.parameter("max_results")).isEqualTo("1");
		assertThat(request.parameter("start")).isEqualTo("0");
		assertThat(request.headers()).containsEntry("user-agent", "Paperboy-test (mailto:ops@example.org)");
	}

	@Test
	void aLookUpOfIdsArxivDoesNotKnowIsEmpty() {
		this.server.always().thenRespond(200, ATOM, RecordedResponses.named("id_0808.05394_s0").body());

		assertThat(this.arxiv.lookUp(List.of("0808.05394")).entries()).isEmpty();
	}

	@Test
	void moreThanAHundredIdsAreAskedForInSeveralRequests() {
		this.server.always().thenRespond(200, ATOM, HandMadeFeeds.page(0, 0));
		List<String> ids = IntStream.rangeClosed(1, 250).mapToObj((n) -> "2401.%05d".formatted(n)).toList();

		this.arxiv.lookUp(ids);

		assertThat(this.server.requests()).extracting((request) -> request.parameter("id_list").split(",").length)
			.containsExactly(100, 100, 50);
		assertThat(this.server.requests()).extracting((request) -> request.parameter("max_results"))
			.containsExactly("100", "100", "50");
		assertThat(this.server.requests().get(2).parameter("id_list")).startsWith("2401.00201,").endsWith(",2401.00250");
	}

	@Test
	void aQuerySendsArxivsParameters() {
		this.server.always().thenRespond(200, ATOM, RecordedResponses.named("q_testing_s10_m10_").body());

		ArxivFeed feed = this.arxiv.query(ArxivQuery.newestIn(List.of("cs.AI", "cs.CL"), 10, 10));

		assertThat(feed.entries()).hasSize(10);
		assertThat(feed.startIndex()).isEqualTo(10);
		ScriptedHttpServer.Request request = this.server.requests().get(0);
		assertThat(request.parameter("search_query")).isEqualTo("cat:cs.AI OR cat:cs.CL");
		assertThat(request.parameter("sortBy")).isEqualTo("submittedDate");
		assertThat(request.parameter("sortOrder")).isEqualTo("descending");
		assertThat(request.parameter("start")).isEqualTo("10");
		assertThat(request.parameter("max_results")).isEqualTo("10");
	}

	@Test
	void anIdArxivCannotReadIsAnErrorNamingItAndIsNotRetried() {
		RecordedResponses.Recorded invalid = RecordedResponses.named("id_abc_");
		this.server.always().thenRespond(invalid.status(), ATOM, invalid.body());

		assertThatThrownBy(() -> this.arxiv.lookUp(List.of("abc"))).isInstanceOf(ArxivApiException.class)
			.hasMessage("arXiv refused the request: incorrect id format for abc (HTTP 400)")
			.satisfies((ex) -> assertThat(((ArxivApiException) ex).status()).isEqualTo(400))
			.hasCauseInstanceOf(FetchException.class);
		assertThat(this.server.requests()).hasSize(1);
	}

	@Test
	void aBusyArxivIsAskedAgainAfterItsRetryAfter() {
		this.server.always()
			.thenRespond(503, Map.of("Retry-After", "1"), "Service Unavailable")
			.thenRespond(200, ATOM, RecordedResponses.named("id_1707.08567_").body());

		assertThat(this.arxiv.lookUp(List.of("1707.08567")).entries()).hasSize(1);
		assertThat(this.server.requests()).hasSize(2);
	}

	@Test
	void tooManyRequestsIsRetried() {
		this.server.always()
			.thenRespond(429, Map.of(), "Rate exceeded.")
			.thenRespond(200, ATOM, RecordedResponses.named("id_1707.08567_").body());

		assertThat(this.arxiv.lookUp(List.of("1707.08567")).entries()).hasSize(1);
		assertThat(this.server.requests()).hasSize(2);
	}

	@Test
	void aTimeoutAndAConnectionResetMidBodyAreRetried() {
		String body = RecordedResponses.named("id_1707.08567_").body();
		this.server.always()
			.thenStall(Duration.ofMinutes(5))
			.thenDropMidBody(200, ATOM, body)
			.thenRespond(200, ATOM, body);
		ArxivClient timingOut = new HttpArxivClient(
				new PoliteHttpClient(tinySettings(Duration.ofSeconds(2)), Clock.systemUTC()), this.server.uri("/api/query"));

		assertThat(timingOut.lookUp(List.of("1707.08567")).entries()).hasSize(1);
		assertThat(this.server.requests()).hasSize(3);
	}

	@Test
	void aConnectionResetMidBodyEveryTimeFailsTheRequestAfterItsAttempts() {
		this.server.always().thenDropMidBody(200, ATOM, RecordedResponses.named("q_testing_s0_m10_").body());

		assertThatThrownBy(() -> this.arxiv.query(ArxivQuery.newestIn(List.of("cs.CL"), 0, 10)))
			.isInstanceOf(FetchException.class)
			.hasMessageContaining("failed 3 times");
	}

	@Test
	void anHtmlErrorPageWhereAFeedWasExpectedIsAnError() {
		this.server.always()
			.thenRespond(200, Map.of("Content-Type", "text/html"),
					"<html><head><title>arXiv is down for maintenance</title></head><body></body></html>");

		assertThatThrownBy(() -> this.arxiv.lookUp(List.of("1707.08567"))).isInstanceOf(ArxivApiException.class)
			.hasMessage("arXiv answered with an HTML page instead of an Atom feed: 'arXiv is down for maintenance'");
	}

	@Test
	void productionKeepsArxivsThreeSecondsBetweenRequestsAndNamesTheOperator() {
		SourcesProperties defaults = new SourcesProperties("ops@example.org", null, null, null, null, null);

		PoliteHttpClient.Settings settings = ArxivConnection.settings(defaults);

		assertThat(settings.interval()).isEqualTo(Duration.ofSeconds(3));
		assertThat(settings.userAgent()).contains("mailto:ops@example.org");
		assertThat(defaults.arxiv().apiUrl()).isEqualTo(URI.create("https://export.arxiv.org/api/query"));
	}

}
