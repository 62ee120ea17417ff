package io.paperboy.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import io.paperboy.web.RequestsInFlight;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * When the embedding queue's extra threads may take a core: the machine's other work leaves one
 * free for each of them in turn, as Linux counts it in {@code /proc/stat}. (That a request in
 * flight stops them is {@link EmbeddingWhileIdleTests}'s, through a running server.)
 */
class QuietServerTests {

	@TempDir
	Path folder;

	@Test
	void eachExtraThreadNeedsACoreLeftFreeByOtherWork() {
		AtomicReference<Double> busy = new AtomicReference<>(0.2);
		QuietServer quiet = new QuietServer(new RequestsInFlight(), busy::get, () -> 0, 4, 1);

		await().atMost(Duration.ofSeconds(10)).until(() -> quiet.allows(0));
		assertThat(quiet.allows(2)).as("0.2 cores busy leave the third extra thread its core").isTrue();

		busy.set(1.2);
		await().atMost(Duration.ofSeconds(10)).until(() -> loadRead(quiet) == 1.2);
		assertThat(quiet.allows(0)).isTrue();
		assertThat(quiet.allows(1)).as("1.2 cores busy, one always embedding, of 4: 1.8 left").isTrue();
		assertThat(quiet.allows(2)).isFalse();

		busy.set(2.6);
		await().atMost(Duration.ofSeconds(10)).until(() -> loadRead(quiet) == 2.6);
		assertThat(quiet.allows(0)).as("a PostgreSQL busy on 2.6 of 4 cores").isFalse();
	}

	/** The load as last read: the server reads it when a thread asks, every quarter of a second at most. */
	private static double loadRead(QuietServer quiet) {
		quiet.allows(0);
		return quiet.otherCores();
	}

	@Test
	void anUnknownLoadLeavesTheDecisionToTheRequests() {
		QuietServer quiet = new QuietServer(new RequestsInFlight(), () -> Double.NaN, () -> 0, 2, 1);

		await().atMost(Duration.ofSeconds(10)).until(() -> quiet.allows(0));
		assertThat(quiet.otherCores()).isZero();
	}

	@Test
	void procStatCountsTheBusyCoresBetweenTwoReadings() throws IOException {
		Path stat = this.folder.resolve("stat");
		// user nice system idle iowait irq softirq steal, in ticks, for the machine and for each of 2 cores
		Files.writeString(stat, """
				cpu  1000 0 500 8000 100 0 0 0 0 0
				cpu0 500 0 250 4000 50 0 0 0 0 0
				cpu1 500 0 250 4000 50 0 0 0 0 0
				intr 1
				""");
		MachineLoad load = new MachineLoad.ProcStat(stat);
		assertThat(load.busyCores()).as("nothing to compare the first reading with").isNaN();

		// 200 ticks on 2 cores: 150 busy (user, system, irq), 40 idle, 10 waiting for the disk
		Files.writeString(stat, """
				cpu  1100 0 540 8040 110 10 0 0 0 0
				cpu0 550 0 270 4020 55 5 0 0 0 0
				cpu1 550 0 270 4020 55 5 0 0 0 0
				intr 1
				""");

		assertThat(load.busyCores()).isEqualTo(2 * 150.0 / 200);
	}

	@Test
	void aMachineWithoutProcStatHasNoLoadToTell() {
		assertThat(new MachineLoad.ProcStat(this.folder.resolve("missing")).busyCores()).isNaN();
	}

}
