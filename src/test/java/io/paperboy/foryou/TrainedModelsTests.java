package io.paperboy.foryou;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.paperboy.support.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrainedModelsTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-05-29T12:00:00Z"));

	private final TrainedModels models = new TrainedModels(this.clock);

	private final AtomicInteger trainings = new AtomicInteger();

	private final Supplier<TrainedModels.Trained> training = () -> {
		this.trainings.incrementAndGet();
		return new TrainedModels.Trained(null, Map.of(), true);
	};

	@Test
	void theSameSignalsAgainReuseTheModelWithoutTraining() {
		TrainedModels.Trained first = this.models.get(7, signals("2605.00001"), this.training);
		TrainedModels.Trained again = this.models.get(7, signals("2605.00001"), this.training);

		assertThat(again).isSameAs(first);
		assertThat(this.trainings).hasValue(1);
	}

	@Test
	void aNewSignalTrainsAfresh() {
		TrainedModels.Trained first = this.models.get(7, signals("2605.00001"), this.training);
		TrainedModels.Trained saved = this.models.get(7, signals("2605.00001", "2605.00002"), this.training);
		TrainedModels.Trained dismissed = this.models.get(7,
				new TrainedModels.Signals(signals("2605.00001", "2605.00002").positives(), Set.of("2605.00003")),
				this.training);

		assertThat(saved).isNotSameAs(first);
		assertThat(dismissed).isNotSameAs(saved);
		assertThat(this.trainings).hasValue(3);
	}

	@Test
	void aKeptModelIsTrainedAgainOnceItIsTooOld() {
		TrainedModels.Trained first = this.models.get(7, signals("2605.00001"), this.training);
		this.clock.advance(TrainedModels.MAX_AGE.minus(Duration.ofSeconds(1)));
		assertThat(this.models.get(7, signals("2605.00001"), this.training)).isSameAs(first);

		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.models.get(7, signals("2605.00001"), this.training)).isNotSameAs(first);
		assertThat(this.trainings).hasValue(2);
	}

	@Test
	void membersHaveTheirOwnModelsAndTheLeastRecentlyUsedGoesFirst() {
		TrainedModels.Trained seven = this.models.get(7, signals("2605.00001"), this.training);
		for (long member = 100; member < 100 + TrainedModels.MAX_MODELS - 1; member++) {
			this.models.get(member, signals("2605.00001"), this.training);
		}
		assertThat(this.models.get(7, signals("2605.00001"), this.training)).isSameAs(seven);
		this.models.get(8, signals("2605.00001"), this.training);

		assertThat(this.models.size()).isEqualTo(TrainedModels.MAX_MODELS);
		assertThat(this.models.get(7, signals("2605.00001"), this.training)).isSameAs(seven);
		int before = this.trainings.get();
		this.models.get(100, signals("2605.00001"), this.training);
		assertThat(this.trainings).hasValue(before + 1);
	}

	@Test
	void aModelTrainedWhileTheIndexCouldNotAnswerIsNotKept() {
		TrainedModels.Trained partial = this.models.get(7, signals("2605.00001"),
				() -> new TrainedModels.Trained(null, Map.of(), false));
		TrainedModels.Trained whole = this.models.get(7, signals("2605.00001"), this.training);

		assertThat(whole).isNotSameAs(partial);
		assertThat(this.models.get(7, signals("2605.00001"), this.training)).isSameAs(whole);
		assertThat(this.trainings).hasValue(1);
	}

	@Test
	void aRequestForTheSignalsBeingTrainedWaitsForThatTrainingRatherThanTrainingAgain() throws Exception {
		java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.CompletableFuture<TrainedModels.Trained> background = java.util.concurrent.CompletableFuture
			.supplyAsync(() -> this.models.get(7, signals("2605.00001"), () -> {
				started.countDown();
				try {
					release.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return this.training.get();
			}));
		started.await();
		java.util.concurrent.atomic.AtomicReference<TrainedModels.Trained> answered = new java.util.concurrent.atomic.AtomicReference<>();
		Thread request = new Thread(() -> answered.set(this.models.get(7, signals("2605.00001"), this.training)));
		request.start();
		// it parks, waiting for the background training, rather than training a model of its own
		org.awaitility.Awaitility.await().until(() -> request.getState() == Thread.State.WAITING);
		assertThat(answered.get()).isNull();

		release.countDown();
		request.join();

		assertThat(answered.get()).isSameAs(background.get());
		assertThat(this.trainings).hasValue(1);
	}

	@Test
	void aFailedTrainingFailsTheRequestsWaitingForItAndTheNextOneTrainsAgain() {
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> this.models.get(7, signals("2605.00001"), () -> {
				throw new IllegalStateException("no index");
			}))
			.hasMessage("no index");

		assertThat(this.models.get(7, signals("2605.00001"), this.training)).isNotNull();
		assertThat(this.trainings).hasValue(1);
	}

	@Test
	void aForgottenMemberIsTrainedAgain() {
		TrainedModels.Trained first = this.models.get(7, signals("2605.00001"), this.training);
		this.models.forget(7);

		assertThat(this.models.get(7, signals("2605.00001"), this.training)).isNotSameAs(first);
		assertThat(this.models.size()).isEqualTo(1);
	}

	private static TrainedModels.Signals signals(String... saved) {
		Map<String, ForYou.Positive> positives = new java.util.LinkedHashMap<>();
		for (String id : saved) {
			positives.put(id, new ForYou.Positive("saved", 1));
		}
		return new TrainedModels.Signals(positives, Set.of());
	}

}
