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

}
