package io.paperboy.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.paperboy.catalog.Catalog;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.HeldAnswers;
import io.paperboy.support.ServerTest;
import io.paperboy.support.TestPapers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The requests the server answers are counted from the moment Tomcat takes them: one held open
 * counts as in flight until it is answered, and an anonymous read answered ahead of the filter
 * chain counts as much as any other.
 */
@ServerTest
@ExtendWith(EmptyCatalog.class)
class RequestsInFlightTests {

	@LocalServerPort
	int port;

	@Autowired
	RequestsInFlight requests;

	@Autowired
	HeldAnswers.Gate gate;

	@Autowired
	MeterRegistry meters;

	@Autowired
	Catalog catalog;

	private final HttpClient client = HttpClient.newHttpClient();

	@BeforeEach
	void freshGate() {
		this.gate.reset();
	}

	@AfterEach
	void letItGo() {
		this.gate.release();
	}

	@Test
	void aRequestHeldOpenIsInFlightUntilItIsAnswered() throws Exception {
		await().atMost(Duration.ofSeconds(10)).until(() -> this.requests.inFlight() == 0);
		long started = this.requests.started();

		CompletableFuture<HttpResponse<Void>> answer = this.client.sendAsync(get("/api/test/large"),
				HttpResponse.BodyHandlers.discarding());
		assertThat(this.gate.awaitEntered(10, TimeUnit.SECONDS)).as("the request reached the server").isTrue();

		assertThat(this.requests.inFlight()).isEqualTo(1);
		assertThat(this.requests.started()).isEqualTo(started + 1);

		this.gate.release();
		assertThat(answer.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.requests.inFlight() == 0);
		assertThat(this.requests.started()).isEqualTo(started + 1);
	}

	@Test
	void anAnonymousReadAnsweredAheadOfTheFilterChainCounts() throws Exception {
		this.catalog.savePapers(List.of(TestPapers.paper("2506.00001").build()), LocalDate.of(2025, 6, 2));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.requests.inFlight() == 0);
		this.client.send(get("/api/daily_papers?date=2025-06-02"), HttpResponse.BodyHandlers.discarding());
		double shared = sharedAnswers();
		long started = this.requests.started();

		HttpResponse<Void> answer = this.client.send(get("/api/daily_papers?date=2025-06-02"), HttpResponse.BodyHandlers.discarding());

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(sharedAnswers()).as("answered ahead of the filter chain").isEqualTo(shared + 1);
		assertThat(this.requests.started()).isEqualTo(started + 1);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.requests.inFlight() == 0);
	}

	private double sharedAnswers() {
		return this.meters.get(SharedAnswersFilter.ANSWERS_METER)
			.tag("pattern", "/api/daily_papers")
			.tag("status", "200")
			.counter()
			.count();
	}

	private HttpRequest get(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build();
	}

}
