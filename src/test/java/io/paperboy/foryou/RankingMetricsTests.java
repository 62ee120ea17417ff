package io.paperboy.foryou;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RankingMetricsTests {

	private static final List<String> RANKING = List.of("a", "b", "c", "d", "e");

	@Test
	void ndcgDividesTheGainOfTheRelevantPlacesByTheGainOfTheIdealOrder() {
		// b at place 2 and d at place 4: (1/log2(3) + 1/log2(5)) / (1/log2(2) + 1/log2(3))
		assertThat(RankingMetrics.ndcg(RANKING, Set.of("b", "d"), 10)).isCloseTo(
				(0.6309297535714575 + 0.43067655807339306) / (1 + 0.6309297535714575), within(1e-12));
	}

	@Test
	void ndcgCountsOnlyTheFirstKPlaces() {
		// d at place 4 is past k = 2; the ideal still holds two relevant papers in the first two places
		assertThat(RankingMetrics.ndcg(RANKING, Set.of("b", "d"), 2))
			.isCloseTo(0.6309297535714575 / (1 + 0.6309297535714575), within(1e-12));
		assertThat(RankingMetrics.ndcg(RANKING, Set.of("e"), 4)).isZero();
	}

	@Test
	void ndcgIsOneWhenTheRelevantPapersComeFirst() {
		assertThat(RankingMetrics.ndcg(RANKING, Set.of("a", "b"), 10)).isCloseTo(1, within(1e-12));
	}

	@Test
	void recallIsTheShareOfTheRelevantPapersInTheFirstKPlaces() {
		assertThat(RankingMetrics.recall(RANKING, Set.of("b", "d"), 20)).isEqualTo(1);
		assertThat(RankingMetrics.recall(RANKING, Set.of("b", "d"), 2)).isEqualTo(0.5);
		assertThat(RankingMetrics.recall(RANKING, Set.of("b", "d"), 1)).isZero();
		assertThat(RankingMetrics.recall(RANKING, Set.of("b", "z"), 20)).isEqualTo(0.5);
	}

	@Test
	void withoutRelevantPapersBothAreZero() {
		assertThat(RankingMetrics.ndcg(RANKING, Set.of(), 10)).isZero();
		assertThat(RankingMetrics.recall(RANKING, Set.of(), 20)).isZero();
	}

}
