package io.paperboy.search;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ReciprocalRankFusionTests {

	@Test
	void anItemNearTheTopOfBothListsBeatsTheHeadOfOne() {
		List<ReciprocalRankFusion.Fused<String>> fused = ReciprocalRankFusion
			.fuse(List.of(List.of("a", "b", "c"), List.of("d", "c", "b")));
		assertThat(fused).extracting(ReciprocalRankFusion.Fused::item).containsExactly("b", "c", "a", "d");
	}

	@Test
	void eachListGivesOneOverKPlusRank() {
		List<ReciprocalRankFusion.Fused<String>> fused = ReciprocalRankFusion.fuse(List.of(List.of("a"), List.of("x", "a")));
		assertThat(fused.get(0).item()).isEqualTo("a");
		assertThat(fused.get(0).score()).isCloseTo(1.0 / 61 + 1.0 / 62, within(1e-12));
		assertThat(fused.get(1).score()).isCloseTo(1.0 / 61, within(1e-12));
	}

	@Test
	void equalScoresKeepTheOrderOfFirstAppearance() {
		assertThat(ReciprocalRankFusion.fuse(List.of(List.of("a", "b"), List.of("b", "a"))))
			.extracting(ReciprocalRankFusion.Fused::item)
			.containsExactly("a", "b");
	}

	@Test
	void theConstantIsSixty() {
		assertThat(ReciprocalRankFusion.K).isEqualTo(60);
	}

	@Test
	void anItemWithoutAVectorCountsItsRankAmongWordsTwiceAndIsNotDemoted() {
		// "new" is first by words but has no vector; "old" is second by words and first by meaning
		List<ReciprocalRankFusion.Fused<String>> plain = ReciprocalRankFusion
			.fuse(List.of(List.of("new", "old"), List.of("old")));
		assertThat(plain.get(0).item()).isEqualTo("old");
		List<ReciprocalRankFusion.Fused<String>> fused = ReciprocalRankFusion.fuse(List.of("new", "old"), List.of("old"),
				"new"::equals);
		assertThat(fused).extracting(ReciprocalRankFusion.Fused::item).containsExactly("new", "old");
		assertThat(fused.get(0).score()).isCloseTo(2.0 / 61, within(1e-12));
		assertThat(fused.get(1).score()).isCloseTo(1.0 / 62 + 1.0 / 61, within(1e-12));
	}

	@Test
	void anItemWithAVectorThatMeaningDidNotFindGetsNothingForMeaning() {
		List<ReciprocalRankFusion.Fused<String>> fused = ReciprocalRankFusion.fuse(List.of("far", "near"),
				List.of("near", "other"), (item) -> false);
		assertThat(fused).extracting(ReciprocalRankFusion.Fused::item).containsExactly("near", "far", "other");
		assertThat(fused.get(1).score()).isCloseTo(1.0 / 61, within(1e-12));
	}

}
