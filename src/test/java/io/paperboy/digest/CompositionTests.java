package io.paperboy.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** A composed digest as the outbox keeps it, and the votes a candidate had since a time. */
class CompositionTests {

	private static final Instant SINCE = Instant.parse("2025-06-01T12:00:00Z");

	private static final Instant UNTIL = Instant.parse("2025-06-02T12:00:00.123456Z");

	@Test
	void aCompositionReadsBackAsItWasWritten() {
		Composition composition = new Composition(SINCE, UNTIL, LocalDate.of(2025, 6, 2),
				List.of(new Composition.Item("2506.00001", 57, "trending: +57 votes today"),
						new Composition.Item("2506.00002", 0, "matches: graph neural networks")));

		assertThat(Composition.parse(composition.text())).isEqualTo(composition);
		assertThat(composition.paperIds()).containsExactly("2506.00001", "2506.00002");
	}

	@Test
	void anEmptyCompositionReadsBack() {
		Composition empty = new Composition(SINCE, UNTIL, LocalDate.of(2025, 6, 2), List.of());

		assertThat(Composition.parse(empty.text())).isEqualTo(empty);
	}

	@Test
	void aNoteReadsBackOnTheFirstLineAndACompositionWrittenWithoutOneHasNone() {
		Composition composition = new Composition(SINCE, UNTIL, LocalDate.of(2025, 6, 2),
				List.of(new Composition.Item("2506.00001", 3, "Because you saved “Reward Tampering”")),
				"Learns from\twhat you save\nand upvote");

		Composition read = Composition.parse(composition.text());

		assertThat(read).isEqualTo(composition);
		assertThat(read.note()).isEqualTo("Learns from what you save and upvote");
		assertThat(read.paperIds()).containsExactly("2506.00001");
		assertThat(Composition.parse(SINCE + "\t" + UNTIL + "\t2025-06-02\n2506.00001\t3\ttrending\n").note()).isNull();
	}

	@Test
	void tabsAndLineBreaksInAReasonCannotAddPapers() {
		Composition composition = new Composition(SINCE, UNTIL, LocalDate.of(2025, 6, 2),
				List.of(new Composition.Item("2506.00001", 1, "matches: a\n2506.99999\t5\tinjected\r")));

		Composition read = Composition.parse(composition.text());

		assertThat(read.paperIds()).containsExactly("2506.00001");
		assertThat(read.items().get(0).reason()).isEqualTo("matches: a 2506.99999 5 injected ");
	}

	@Test
	void textThatIsNoCompositionIsRefusedWithAReason() {
		assertThatIllegalArgumentException().isThrownBy(() -> Composition.parse("Trending papers"))
			.withMessageContaining("Not a digest composition");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Composition.parse("yesterday\t" + UNTIL + "\t2025-06-02\n"))
			.withMessageContaining("Not a digest composition");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Composition.parse(SINCE + "\t" + UNTIL + "\t2025-06-02\n2506.00001\tmany\tx\n"))
			.withMessageContaining("Not a digest composition");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Composition.parse(SINCE + "\t" + UNTIL + "\t2025-06-02\n2506.00001\n"))
			.withMessageContaining("Not a paper of a digest composition");
	}

	@Test
	void aCandidateCountsOnlyTheVotesAfterAGivenTime() {
		Candidates.Candidate candidate = new Candidates.Candidate("2506.00001", SINCE, 1.0,
				List.of(SINCE.plusSeconds(30), SINCE.plusSeconds(10), SINCE.plusSeconds(20), SINCE.plusSeconds(20)));

		assertThat(candidate.memberVotesSince(SINCE)).isEqualTo(4);
		assertThat(candidate.memberVotesSince(SINCE.plusSeconds(10))).isEqualTo(3);
		assertThat(candidate.memberVotesSince(SINCE.plusSeconds(20))).isEqualTo(1);
		assertThat(candidate.memberVotesSince(SINCE.plusSeconds(30))).isZero();
		assertThat(new Candidates.Candidate("2506.00002", SINCE, 0, List.of()).memberVotesSince(SINCE)).isZero();
	}

}
