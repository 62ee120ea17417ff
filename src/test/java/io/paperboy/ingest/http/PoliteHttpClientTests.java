package io.paperboy.ingest.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.paperboy.support.ScriptedHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class PoliteHttpClientTests {

	private final ScriptedHttpServer server = ScriptedHttpServer.start();

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	/**
	 * A client whose requests never time out in a test: a busy machine can make an answer late, and a
	 * request timed out that the server had not read yet is one the server records after the test has
	 * counted (or one answer of the script spent on a request that gave up).
	 */
	private PoliteHttpClient client(Duration interval, int attempts) {
		return client(interval, attempts, Duration.ofMinutes(1));
	}

	private PoliteHttpClient client(Duration interval, int attempts, Duration requestTimeout) {
		return new PoliteHttpClient(new PoliteHttpClient.Settings("Paperboy-test (mailto:ops@example.org)", interval,
				Duration.ofSeconds(2), requestTimeout, attempts, Duration.ofMillis(50), Duration.ofSeconds(2)),
				Clock.systemUTC());
	}

	@Test
	void everyRequestCarriesTheUserAgent() {
		this.server.always().thenRespond(200, Map.of(), "ok");

		assertThat(client(Duration.ZERO, 1).get(this.server.uri("/a"))).isEqualTo("ok");

		assertThat(this.server.requests().get(0).headers()).containsEntry("user-agent",
				"Paperboy-test (mailto:ops@example.org)");
	}

	@Test
	void requestsAreSpacedByTheInterval() {
		this.server.always().thenRespond(200, Map.of(), "ok");
		PoliteHttpClient client = client(Duration.ofMillis(400), 1);

		// measured where the interval is kept, from before a request to the end of the next: when the
		// server records a request late (a busy machine), the gap it sees shrinks, the client's cannot
		long beforeA = System.nanoTime();
		client.get(this.server.uri("/a"));
		long beforeB = System.nanoTime();
		client.get(this.server.uri("/b"));
		long afterB = System.nanoTime();
		client.get(this.server.uri("/c"));
		long afterC = System.nanoTime();

		assertThat(this.server.requests()).hasSize(3);
		assertThat(Duration.ofNanos(afterB - beforeA)).isGreaterThanOrEqualTo(Duration.ofMillis(380));
		assertThat(Duration.ofNanos(afterC - beforeB)).isGreaterThanOrEqualTo(Duration.ofMillis(380));
	}

	@Test
	void aBusyServerIsAskedAgainAfterItsRetryAfter() {
		this.server.always()
			.thenRespond(503, Map.of("Retry-After", "1"), "busy")
			.thenRespond(200, Map.of(), "ok");

		// timed at the client: a server that records the first request late sees a shorter wait
		long before = System.nanoTime();
		assertThat(client(Duration.ZERO, 3).get(this.server.uri("/a"))).isEqualTo("ok");
		long after = System.nanoTime();

		assertThat(this.server.requests()).hasSize(2);
		assertThat(Duration.ofNanos(after - before)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
	}

	@Test
	void timeoutsDroppedConnectionsAndServerErrorsAreRetried() {
		this.server.always()
			.thenStall(Duration.ofMinutes(5))
			.thenDropMidBody(200, Map.of(), "a body cut in half")
			.thenHangUp()
			.thenRespond(500, Map.of(), "oops")
			.thenRespond(429, Map.of(), "slow down")
			.thenRespond(200, Map.of(), "ok");

		assertThat(client(Duration.ZERO, 6, Duration.ofSeconds(2)).get(this.server.uri("/a"))).isEqualTo("ok");
		assertThat(this.server.requests()).hasSize(6);
	}

	@Test
	void aClientErrorIsNotRetriedAndKeepsTheBody() {
		this.server.always().thenRespond(400, Map.of(), "bad id");

		assertThatThrownBy(() -> client(Duration.ZERO, 5).get(this.server.uri("/a?id=x")))
			.isInstanceOfSatisfying(FetchException.class, (ex) -> {
				assertThat(ex.status()).isEqualTo(400);
				assertThat(ex.body()).isEqualTo("bad id");
			})
			.hasMessageContaining("/a?id=x answered HTTP 400");
		assertThat(this.server.requests()).hasSize(1);
	}

	@Test
	void givingUpSaysHowManyAttemptsFailedAndHow() {
		this.server.always().thenRespond(503, Map.of(), "down");

		assertThatThrownBy(() -> client(Duration.ZERO, 3).get(this.server.uri("/a")))
			.isInstanceOf(FetchException.class)
			.hasMessageEndingWith("answered HTTP 503 to 3 attempts");
		assertThat(this.server.requests()).hasSize(3);
	}

	@Test
	void stoppingWakesARequestWaitingBetweenRetries() {
		this.server.always().thenRespond(503, Map.of("Retry-After", "600"), "down");
		PoliteHttpClient client = new PoliteHttpClient(new PoliteHttpClient.Settings("Paperboy-test", Duration.ZERO,
				Duration.ofSeconds(2), Duration.ofSeconds(2), 5, Duration.ofMinutes(10), Duration.ofMinutes(10)),
				Clock.systemUTC());
		CompletableFuture<String> fetching = CompletableFuture.supplyAsync(() -> client.get(this.server.uri("/a")));
		await().until(() -> this.server.requests().size() == 1);

		client.stop();

		assertThatThrownBy(() -> fetching.get(10, java.util.concurrent.TimeUnit.SECONDS))
			.hasCauseInstanceOf(FetchException.class)
			.hasMessageContaining("the application is stopping");
		assertThat(this.server.requests()).hasSize(1);
	}

	@Test
	void stoppingAbandonsARequestTheServerDoesNotAnswer() {
		this.server.always().thenStall(Duration.ofMinutes(5));
		PoliteHttpClient client = new PoliteHttpClient(new PoliteHttpClient.Settings("Paperboy-test", Duration.ZERO,
				Duration.ofSeconds(2), Duration.ofMinutes(5), 5, Duration.ofMillis(50), Duration.ofSeconds(1)),
				Clock.systemUTC());
		CompletableFuture<String> fetching = CompletableFuture.supplyAsync(() -> client.get(this.server.uri("/a")));
		await().until(() -> this.server.requests().size() == 1);

		client.stop();

		assertThatThrownBy(() -> fetching.get(10, java.util.concurrent.TimeUnit.SECONDS))
			.hasCauseInstanceOf(FetchException.class)
			.hasMessageContaining("the application is stopping");
		assertThatThrownBy(() -> client.get(this.server.uri("/b"))).isInstanceOf(FetchException.class)
			.hasMessageContaining("the application is stopping");
	}

	@Test
	void aClientRestartedAfterStoppingMakesRequestsAgain() {
		this.server.always().thenRespond(200, Map.of(), "ok");
		PoliteHttpClient client = client(Duration.ZERO, 1);
		client.stop();

		client.restart();

		assertThat(client.get(this.server.uri("/a"))).isEqualTo("ok");
	}

	@Test
	void aRequestWithADeadlineIsMadeOnceAndGivesUpAtTheDeadline() {
		this.server.always().thenStall(Duration.ofMinutes(5));

		assertThatThrownBy(() -> client(Duration.ZERO, 5).get(this.server.uri("/a"), Duration.ofMillis(300)))
			.isInstanceOf(FetchException.class)
			.hasMessageContaining("/a failed: HttpTimeoutException");
		assertThat(this.server.requests()).hasSize(1);
	}

	@Test
	void aRequestWithADeadlineIsNotRetried() {
		this.server.always().thenRespond(503, Map.of(), "down").thenRespond(200, Map.of(), "ok");

		assertThatThrownBy(() -> client(Duration.ZERO, 5).get(this.server.uri("/a"), Duration.ofSeconds(5)))
			.isInstanceOfSatisfying(FetchException.class, (ex) -> assertThat(ex.status()).isEqualTo(503));
		assertThat(this.server.requests()).hasSize(1);
	}

	@Test
	void aRequestWithADeadlineDoesNotQueueBehindASourceWaitingToRetry() {
		this.server.when((request) -> request.path().equals("/harvest")).thenRespond(503, Map.of("Retry-After", "600"),
				"down");
		this.server.always().thenRespond(200, Map.of(), "ok");
		PoliteHttpClient client = new PoliteHttpClient(new PoliteHttpClient.Settings("Paperboy-test", Duration.ZERO,
				Duration.ofSeconds(2), Duration.ofSeconds(2), 5, Duration.ofMinutes(10), Duration.ofMinutes(10)),
				Clock.systemUTC());
		CompletableFuture<String> harvest = CompletableFuture.supplyAsync(() -> client.get(this.server.uri("/harvest")));
		await().until(() -> this.server.requests().size() == 1);

		assertThatThrownBy(() -> client.get(this.server.uri("/abs"), Duration.ofMillis(200)))
			.isInstanceOf(FetchException.class)
			.hasMessageContaining("is busy with other requests");
		assertThat(this.server.requests()).hasSize(1);
		client.stop();
		assertThatThrownBy(harvest::join).hasCauseInstanceOf(FetchException.class);
	}

	@Test
	void aRequestWithADeadlineKeepsTheInterval() {
		this.server.always().thenRespond(200, Map.of(), "ok");
		PoliteHttpClient client = client(Duration.ofMillis(400), 1);

		long beforeA = System.nanoTime();
		client.get(this.server.uri("/a"));
		assertThat(client.get(this.server.uri("/b"), Duration.ofSeconds(5))).isEqualTo("ok");
		long afterB = System.nanoTime();

		assertThat(this.server.requests()).hasSize(2);
		assertThat(Duration.ofNanos(afterB - beforeA)).isGreaterThanOrEqualTo(Duration.ofMillis(380));
	}

}
