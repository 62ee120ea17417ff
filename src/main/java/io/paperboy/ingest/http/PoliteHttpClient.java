package io.paperboy.ingest.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET requests to a server that asks to be treated gently (arXiv: "no more than one request every
 * three seconds, on a single connection"): one request at a time, at least {@code interval} between
 * the end of one and the start of the next, a descriptive User-Agent, and retries with exponential
 * backoff and jitter on 5xx, 429, timeouts and dropped connections, honouring
 * {@code Retry-After}. One instance per server.
 * <p>
 * Two kinds of caller share the one connection: background sources, patient, with retries
 * ({@link #get(URI)}), and people waiting for a page, with a deadline ({@link #get(URI, Duration)}):
 * one attempt, and a quick refusal when the connection is not free in time, rather than a wait
 * behind a harvest in backoff. {@link #stop()} wakes every wait and abandons requests in flight, so a
 * stopping application is not held up by a server that does not answer.
 */
public class PoliteHttpClient {

	private static final Logger logger = LoggerFactory.getLogger(PoliteHttpClient.class);

	private final HttpClient client;

	private final Settings settings;

	private final Clock clock;

	private final ReentrantLock oneAtATime = new ReentrantLock();

	private volatile CompletableFuture<Void> stopped = new CompletableFuture<>();

	private Instant nextAllowed = Instant.MIN;

	public PoliteHttpClient(Settings settings, Clock clock) {
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(settings.connectTimeout())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * The body of a successful (2xx) response to a GET.
	 * @throws FetchException when the server answers with a status that is not retried, or when
	 * every attempt failed
	 */
	public String get(URI uri) {
		this.oneAtATime.lock();
		try {
			return getInTurn(uri);
		}
		finally {
			this.oneAtATime.unlock();
		}
	}

	/**
	 * The body of a successful (2xx) response to a GET, for someone waiting: one attempt, over within
	 * {@code deadline} whatever the server does. The request takes its turn on the shared connection
	 * and keeps the interval; when the connection is busy (a source's request, or its wait between
	 * retries) beyond the deadline, it is not made at all.
	 * @throws FetchException when the connection was not free in time, the server did not answer
	 * in time, or answered with a status that is not 2xx
	 */
	public String get(URI uri, Duration deadline) {
		long end = System.nanoTime() + deadline.toNanos();
		try {
			if (!this.oneAtATime.tryLock(deadline.toNanos(), TimeUnit.NANOSECONDS)) {
				throw busy(uri, deadline);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new FetchException(uri, 0, null, "interrupted while waiting to fetch " + uri, ex);
		}
		try {
			Duration wait = Duration.between(this.clock.instant(), this.nextAllowed);
			if (!wait.isNegative() && wait.compareTo(Duration.ofNanos(end - System.nanoTime())) >= 0) {
				throw busy(uri, deadline);
			}
			waitForTurn();
			Duration left = Duration.ofNanos(end - System.nanoTime());
			if (left.isNegative() || left.isZero()) {
				throw new FetchException(uri, 0, null, uri + " did not answer within " + deadline.toSeconds() + " s",
						null);
			}
			HttpRequest request = request(uri, min(left, this.settings.requestTimeout()));
			HttpResponse<String> response;
			try {
				// the request's timeout may not cover the connection: the deadline does
				response = send(uri, request, left);
			}
			catch (IOException ex) {
				throw new FetchException(uri, 0, null, uri + " failed: " + describe(ex), ex);
			}
			int status = response.statusCode();
			if (status < 200 || status >= 300) {
				throw new FetchException(uri, status, response.body(), uri + " answered HTTP " + status, null);
			}
			return response.body();
		}
		finally {
			this.oneAtATime.unlock();
		}
	}

	private static FetchException busy(URI uri, Duration deadline) {
		return new FetchException(uri, 0, null,
				uri + " is busy with other requests: no turn within " + deadline.toSeconds() + " s", null);
	}

	/**
	 * Wakes every wait and abandons every request in flight: each ends with a {@link FetchException}
	 * at once, and so does every later request. For an application that is stopping.
	 */
	public void stop() {
		this.stopped.complete(null);
	}

	/** Undoes {@link #stop()}: requests are made again. */
	public void restart() {
		if (this.stopped.isDone()) {
			this.stopped = new CompletableFuture<>();
		}
	}

	private HttpRequest request(URI uri, Duration timeout) {
		return HttpRequest.newBuilder(uri)
			.GET()
			.timeout(timeout)
			.header("User-Agent", this.settings.userAgent())
			.build();
	}

	/** The response, or the failure to get one; abandoned when this client stops. */
	private HttpResponse<String> send(URI uri, HttpRequest request) throws IOException {
		return send(uri, request, null);
	}

	/**
	 * The response, or the failure to get one; abandoned when this client stops or, if given, when
	 * {@code limit} has passed.
	 */
	private HttpResponse<String> send(URI uri, HttpRequest request, Duration limit) throws IOException {
		checkNotStopped(uri);
		CompletableFuture<HttpResponse<String>> response = this.client.sendAsync(request,
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		try {
			CompletableFuture<Object> first = CompletableFuture.anyOf(response, this.stopped);
			if (limit != null) {
				first.get(limit.toNanos(), TimeUnit.NANOSECONDS);
			}
			else {
				first.get();
			}
		}
		catch (TimeoutException ex) {
			response.cancel(true);
			throw new HttpTimeoutException("no answer within " + limit.toMillis() + " ms");
		}
		catch (InterruptedException ex) {
			response.cancel(true);
			Thread.currentThread().interrupt();
			throw new FetchException(uri, 0, null, "interrupted while fetching " + uri, ex);
		}
		catch (ExecutionException ex) {
			// the response failed: told below
		}
		if (!response.isDone()) {
			response.cancel(true);
			checkNotStopped(uri);
		}
		try {
			return response.get();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof IOException failure) {
				throw failure;
			}
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new IOException(ex.getCause());
		}
		catch (InterruptedException | CancellationException ex) {
			Thread.currentThread().interrupt();
			throw new FetchException(uri, 0, null, "interrupted while fetching " + uri, ex);
		}
	}

	private void checkNotStopped(URI uri) {
		if (this.stopped.isDone()) {
			throw new FetchException(uri, 0, null, "gave up fetching " + uri + ": the application is stopping", null);
		}
	}

	private String getInTurn(URI uri) {
		HttpRequest request = request(uri, this.settings.requestTimeout());
		Duration backoff = this.settings.backoff();
		for (int attempt = 1;; attempt++) {
			waitForTurn();
			Duration wait;
			try {
				HttpResponse<String> response = send(uri, request);
				int status = response.statusCode();
				if (status >= 200 && status < 300) {
					return response.body();
				}
				if (!retried(status)) {
					throw new FetchException(uri, status, response.body(), uri + " answered HTTP " + status, null);
				}
				if (attempt >= this.settings.maxAttempts()) {
					throw new FetchException(uri, status, response.body(),
							uri + " answered HTTP " + status + " to " + attempt + " attempts", null);
				}
				Duration retryAfter = retryAfter(response);
				wait = (retryAfter != null) ? min(retryAfter, this.settings.maxBackoff()) : jittered(backoff);
				logger.info("{} answered HTTP {}; trying again in {} s", uri, status, wait.toSeconds());
			}
			catch (IOException ex) {
				// timeouts, refused and dropped connections, bodies cut short
				if (attempt >= this.settings.maxAttempts()) {
					throw new FetchException(uri, 0, null,
							uri + " failed " + attempt + " times, last: " + describe(ex), ex);
				}
				wait = jittered(backoff);
				logger.info("{} failed ({}); trying again in {} s", uri, describe(ex), wait.toSeconds());
			}
			backoff = min(backoff.multipliedBy(2), this.settings.maxBackoff());
			pause(wait);
		}
	}

	private static boolean retried(int status) {
		return status == 429 || status >= 500;
	}

	private void waitForTurn() {
		Duration wait = Duration.between(this.clock.instant(), this.nextAllowed);
		if (!wait.isNegative() && !wait.isZero()) {
			pause(wait);
		}
		// counted from the start of this request: with a response taking longer than the interval,
		// the next request may go as soon as this one ends
		this.nextAllowed = this.clock.instant().plus(this.settings.interval());
	}

	/** A random wait between half the backoff and all of it, so clients failing together spread out. */
	private static Duration jittered(Duration backoff) {
		return Duration.ofMillis(ThreadLocalRandom.current().nextLong(backoff.toMillis() / 2, backoff.toMillis() + 1));
	}

	private Duration retryAfter(HttpResponse<?> response) {
		String value = response.headers().firstValue("Retry-After").orElse(null);
		if (value == null) {
			return null;
		}
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
		}
		catch (NumberFormatException ex) {
			try {
				Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
				Duration wait = Duration.between(this.clock.instant(), at);
				return wait.isNegative() ? Duration.ZERO : wait;
			}
			catch (DateTimeParseException unreadable) {
				return null;
			}
		}
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	/** Waits, unless this client stops meanwhile. */
	private void pause(Duration wait) {
		try {
			this.stopped.get(wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			return;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new FetchException(null, 0, null, "interrupted while waiting to fetch", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
		throw new FetchException(null, 0, null, "gave up waiting to fetch: the application is stopping", null);
	}

	private static String describe(IOException ex) {
		return ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "");
	}

	/**
	 * How to treat one server.
	 *
	 * @param userAgent the User-Agent of every request
	 * @param interval the least time between the starts of two requests
	 * @param connectTimeout how long to wait for a connection
	 * @param requestTimeout how long to wait for a whole response
	 * @param maxAttempts attempts before giving up
	 * @param backoff the first wait between attempts, doubled each time
	 * @param maxBackoff the longest wait, also the longest {@code Retry-After} honoured
	 */
	public record Settings(String userAgent, Duration interval, Duration connectTimeout, Duration requestTimeout,
			int maxAttempts, Duration backoff, Duration maxBackoff) {
	}

}
