package io.paperboy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class StoppingTests {

	private final Stopping stopping = new Stopping();

	@Test
	void stoppingRunsWhatWasToldToHappenAndSaysItWasRequested() {
		List<String> done = new ArrayList<>();
		this.stopping.whenRequested(() -> done.add("client stopped"), () -> done.add("client restarted"));
		assertThat(this.stopping.requested()).isFalse();

		this.stopping.stop();

		assertThat(this.stopping.requested()).isTrue();
		assertThat(done).containsExactly("client stopped");
	}

	@Test
	void somethingToldAfterStoppingBeganHappensAtOnce() {
		this.stopping.stop();
		List<String> done = new ArrayList<>();

		this.stopping.whenRequested(() -> done.add("client stopped"), () -> done.add("client restarted"));

		assertThat(done).containsExactly("client stopped");
	}

	@Test
	void anApplicationStartedAgainIsNoLongerStopping() {
		List<String> done = new ArrayList<>();
		this.stopping.whenRequested(() -> done.add("client stopped"), () -> done.add("client restarted"));
		this.stopping.start();
		this.stopping.stop();

		this.stopping.start();

		assertThat(this.stopping.requested()).isFalse();
		assertThat(done).containsExactly("client stopped", "client restarted");
	}

	@Test
	void stoppingWaitsForWorkInProgressToEnd() throws Exception {
		CountDownLatch recorded = new CountDownLatch(1);
		Stopping.Work work = this.stopping.begin();
		this.stopping.whenRequested(() -> CompletableFuture.runAsync(() -> {
			// the run notices, records itself, and ends
			recorded.countDown();
			work.close();
		}), () -> {
		});

		this.stopping.stop();

		assertThat(recorded.await(0, TimeUnit.SECONDS)).as("stop returned after the work ended").isTrue();
	}

	@Test
	void stoppingDoesNotWaitForeverForWorkThatDoesNotEnd() {
		this.stopping.begin();

		CompletableFuture<Void> stopped = CompletableFuture.runAsync(this.stopping::stop);

		await().atMost(Stopping.GRACE.multipliedBy(3)).until(stopped::isDone);
	}

}
