package io.paperboy.thumbnail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads PDFs into files, gently: one request at a time (callers take turns), at least
 * {@code delay} between the starts of two requests, a descriptive User-Agent, a deadline on every
 * whole response (a server that stops sending mid-body cannot hold a run), and retries with
 * jittered, doubling back-off on 5xx, 429, timeouts and dropped connections. A body larger than
 * {@code maxBytes} is refused from its {@code Content-Length}, or cut off once that many bytes have
 * come, whichever comes first. {@link #stop()} ends every wait and request at once.
 */
class PdfDownloader {

	private static final Logger logger = LoggerFactory.getLogger(PdfDownloader.class);

	private final HttpClient client;

	private final Settings settings;

	private final Clock clock;

	private volatile CompletableFuture<Void> stopped = new CompletableFuture<>();

	private Instant nextAllowed = Instant.MIN;

	PdfDownloader(Settings settings, Clock clock) {
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(settings.connectTimeout())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Downloads {@code uri} into {@code target} (replaced).
	 * @throws ThumbnailFailure when the server answers with an error, the body is not a PDF or too
	 * large, or every attempt failed
	 */
	synchronized void download(URI uri, Path target, long maxBytes) throws ThumbnailFailure {
		Duration backoff = this.settings.backoff();
		for (int attempt = 1;; attempt++) {
			waitForTurn();
			String failure;
			try {
				Answer answer = send(uri, target, maxBytes);
				if (answer.status() >= 200 && answer.status() < 300) {
					if (!answer.tooLarge()) {
						checkIsPdf(uri, target);
						return;
					}
					throw ThumbnailFailure.lasting(uri + " is larger than " + maxBytes / (1024 * 1024) + " MB");
				}
				if (!retried(answer.status())) {
					throw ThumbnailFailure.lasting(uri + " answered HTTP " + answer.status());
				}
				failure = "answered HTTP " + answer.status();
			}
			catch (IOException ex) {
				failure = describe(ex);
			}
			if (attempt >= this.settings.maxAttempts()) {
				throw ThumbnailFailure.passing(uri + " failed " + attempt + " times, last: " + failure);
			}
			Duration wait = jittered(backoff);
			logger.info("{} {}; trying again in {} ms", uri, failure, wait.toMillis());
			pause(wait);
			backoff = backoff.multipliedBy(2);
		}
	}

	/** Ends every wait and request at once, and every later one: the application is stopping. */
	void stop() {
		this.stopped.complete(null);
	}

	/** Undoes {@link #stop()}. */
	void restart() {
		if (this.stopped.isDone()) {
			this.stopped = new CompletableFuture<>();
		}
	}

	private Answer send(URI uri, Path target, long maxBytes) throws IOException, ThumbnailFailure {
		checkNotStopped(uri);
		HttpRequest request = HttpRequest.newBuilder(uri)
			.GET()
			.timeout(this.settings.requestTimeout())
			.header("User-Agent", this.settings.userAgent())
			.header("Accept", "application/pdf")
			.build();
		CompletableFuture<HttpResponse<Answer>> response = this.client.sendAsync(request,
				(info) -> bodyOf(info, target, maxBytes));
		try {
			// the request's timeout covers the headers; this covers the body too
			CompletableFuture.anyOf(response, this.stopped)
				.get(this.settings.requestTimeout().toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			response.cancel(true);
			throw new HttpTimeoutException("no whole answer within " + this.settings.requestTimeout().toSeconds() + " s");
		}
		catch (InterruptedException ex) {
			response.cancel(true);
			Thread.currentThread().interrupt();
			throw ThumbnailFailure.passing("interrupted while fetching " + uri);
		}
		catch (ExecutionException ex) {
			// the response failed: told below
		}
		if (!response.isDone()) {
			response.cancel(true);
			checkNotStopped(uri);
		}
		try {
			return response.get().body();
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			while (cause != null && !(cause instanceof IOException) && cause.getCause() != null) {
				cause = cause.getCause();
			}
			if (cause instanceof IOException failure) {
				throw failure;
			}
			throw new IOException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw ThumbnailFailure.passing("interrupted while fetching " + uri);
		}
	}

	/** The body of a success into the file, up to {@code maxBytes}; any other body is discarded. */
	private static HttpResponse.BodySubscriber<Answer> bodyOf(HttpResponse.ResponseInfo info, Path target,
			long maxBytes) {
		int status = info.statusCode();
		boolean success = status >= 200 && status < 300;
		long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
		if (!success || declared > maxBytes) {
			// an error's body is not wanted; a success declared too large is refused unread
			return HttpResponse.BodySubscribers.replacing(new Answer(status, success));
		}
		return new LimitedFile(status, target, maxBytes);
	}

	/** A file that starts with {@code %PDF-} (after at most a little leading junk, as readers allow). */
	private static void checkIsPdf(URI uri, Path file) throws ThumbnailFailure {
		byte[] head = new byte[1024];
		int read;
		try (var in = Files.newInputStream(file)) {
			read = in.readNBytes(head, 0, head.length);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String start = new String(head, 0, read, java.nio.charset.StandardCharsets.ISO_8859_1);
		if (!start.contains("%PDF-")) {
			throw ThumbnailFailure.lasting(uri + " did not answer with a PDF");
		}
	}

	private static boolean retried(int status) {
		return status == 429 || status >= 500;
	}

	private void waitForTurn() throws ThumbnailFailure {
		Duration wait = Duration.between(this.clock.instant(), this.nextAllowed);
		if (!wait.isNegative() && !wait.isZero()) {
			pause(wait);
		}
		this.nextAllowed = this.clock.instant().plus(this.settings.delay());
	}

	private void pause(Duration wait) throws ThumbnailFailure {
		try {
			this.stopped.get(wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			return;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw ThumbnailFailure.passing("interrupted while waiting to fetch");
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
		throw ThumbnailFailure.passing("gave up waiting to fetch: the application is stopping");
	}

	private void checkNotStopped(URI uri) throws ThumbnailFailure {
		if (this.stopped.isDone()) {
			throw ThumbnailFailure.passing("gave up fetching " + uri + ": the application is stopping");
		}
	}

	private static Duration jittered(Duration backoff) {
		long millis = Math.max(1, backoff.toMillis());
		return Duration.ofMillis(ThreadLocalRandom.current().nextLong(millis / 2, millis + 1));
	}

	private static String describe(IOException ex) {
		return ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "");
	}

	/**
	 * What came: the status, and whether the body was larger than allowed (then it was not kept).
	 */
	record Answer(int status, boolean tooLarge) {
	}

	/**
	 * How to fetch.
	 *
	 * @param userAgent the User-Agent of every request
	 * @param delay the least time between the starts of two requests
	 * @param connectTimeout how long to wait for a connection
	 * @param requestTimeout how long to wait for a whole response, body included
	 * @param maxAttempts attempts per PDF before giving up for this run
	 * @param backoff the first wait between attempts, doubled each time
	 */
	record Settings(String userAgent, Duration delay, Duration connectTimeout, Duration requestTimeout, int maxAttempts,
			Duration backoff) {
	}

	/** Writes a body into a file, and cancels it once more than {@code maxBytes} have come. */
	private static final class LimitedFile implements HttpResponse.BodySubscriber<Answer> {

		private final int status;

		private final Path target;

		private final long maxBytes;

		private final CompletableFuture<Answer> result = new CompletableFuture<>();

		private FileChannel channel;

		private Flow.Subscription subscription;

		private long written;

		LimitedFile(int status, Path target, long maxBytes) {
			this.status = status;
			this.target = target;
			this.maxBytes = maxBytes;
		}

		@Override
		public CompletionStage<Answer> getBody() {
			return this.result;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			try {
				this.channel = FileChannel.open(this.target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
						StandardOpenOption.TRUNCATE_EXISTING);
			}
			catch (IOException ex) {
				subscription.cancel();
				this.result.completeExceptionally(ex);
				return;
			}
			this.subscription = subscription;
			subscription.request(1);
		}

		@Override
		public void onNext(List<ByteBuffer> buffers) {
			try {
				for (ByteBuffer buffer : buffers) {
					this.written += buffer.remaining();
					if (this.written > this.maxBytes) {
						this.subscription.cancel();
						close();
						this.result.complete(new Answer(this.status, true));
						return;
					}
					while (buffer.hasRemaining()) {
						this.channel.write(buffer);
					}
				}
				this.subscription.request(1);
			}
			catch (IOException ex) {
				this.subscription.cancel();
				close();
				this.result.completeExceptionally(ex);
			}
		}

		@Override
		public void onError(Throwable throwable) {
			close();
			this.result.completeExceptionally(throwable);
		}

		@Override
		public void onComplete() {
			close();
			this.result.complete(new Answer(this.status, false));
		}

		private void close() {
			try {
				if (this.channel != null) {
					this.channel.close();
				}
			}
			catch (IOException ex) {
				// nothing more is written; what was is read or discarded by the caller
			}
		}

	}

}
