package io.paperboy.foryou;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class InterestModelTests {

	private static final int DIMENSIONS = 32;

	/** Settings that keep the nearest-examples score whatever the number of signals. */
	private static final InterestModel.Settings NEAREST = InterestModel.Settings.DEFAULTS.withLinearFrom(Integer.MAX_VALUE);

	private final Random random = new Random(7);

	@Test
	void aCandidateNearTheMembersFewSavesRanksFirst() {
		InterestModel model = InterestModel.train(
				List.of(Example.of("s1", near(0, 0.1)), Example.of("s2", near(0, 0.1)), Example.of("s3", near(0, 0.1))),
				List.of(), List.of());
		assertThat(model.kind()).isEqualTo(InterestModel.Kind.NEAREST);
		List<Recommendation> ranked = model.rank(
				List.of(new Candidate("far", near(5, 0.1)), new Candidate("close", near(0, 0.2)),
						new Candidate("other", near(9, 0.1))),
				3);
		assertThat(ranked).extracting(Recommendation::id).first().isEqualTo("close");
	}

	@Test
	void aCandidateInTheDirectionOfManyPositivesRanksFirstByTheRegression() {
		List<Example> positives = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			positives.add(Example.of("p" + i, near(0, 0.5)));
		}
		InterestModel model = InterestModel.train(positives, List.of(), background(300));
		assertThat(model.kind()).isEqualTo(InterestModel.Kind.LINEAR);
		List<Recommendation> ranked = model.rank(List.of(new Candidate("a", near(3, 0.3)), new Candidate("b", near(4, 0.3)),
				new Candidate("wanted", near(0, 0.3)), new Candidate("c", near(5, 0.3))), 4);
		assertThat(ranked.get(0).id()).isEqualTo("wanted");
		assertThat(ranked.get(0).score()).isGreaterThan(ranked.get(1).score());
	}

	@Test
	void aNegativeExamplePushesTheCandidatesNearItDownWhileSignalsAreFew() {
		List<Example> positives = List.of(Example.of("p1", axis(0)), Example.of("p2", axis(1)));
		float[] nearSecond = mix(axis(1), axis(2), 0.3f);
		InterestModel without = InterestModel.train(positives, List.of(), List.of(), NEAREST);
		InterestModel with = InterestModel.train(positives, List.of(Example.of("no", axis(2))), List.of(), NEAREST);
		assertThat(with.kind()).isEqualTo(InterestModel.Kind.NEAREST);
		assertThat(with.score(nearSecond)).isLessThan(without.score(nearSecond));
		List<Candidate> candidates = List.of(new Candidate("near the negative", nearSecond),
				new Candidate("away from it", mix(axis(0), axis(3), 0.3f)));
		assertThat(without.rank(candidates, 2)).extracting(Recommendation::id)
			.containsExactly("near the negative", "away from it");
		assertThat(with.rank(candidates, 2)).extracting(Recommendation::id)
			.containsExactly("away from it", "near the negative");
	}

	@Test
	void negativeExamplesPushTheRegressionAwayFromTheirDirection() {
		List<Example> positives = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			positives.add(Example.of("p" + i, mix(near(0, 0.3), near(1, 0.3), 0.5f)));
		}
		List<Example> negatives = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			negatives.add(Example.of("n" + i, near(1, 0.2)));
		}
		InterestModel without = InterestModel.train(positives, List.of(), background(100));
		InterestModel with = InterestModel.train(positives, negatives, background(100));
		float[] towardsNegatives = near(1, 0.1);
		float[] towardsRest = near(0, 0.1);
		assertThat(with.score(towardsNegatives) - with.score(towardsRest))
			.isLessThan(without.score(towardsNegatives) - without.score(towardsRest));
		assertThat(with.score(towardsNegatives)).isLessThan(with.score(towardsRest));
	}

	@Test
	void eachRankedPaperIsExplainedByTheNearestPositiveExample() {
		List<Example> positives = List.of(Example.of("saved about graphs", axis(0)), Example.of("saved about proteins", axis(1)),
				Example.of("saved about robots", axis(2)));
		float[] protein = mix(axis(1), axis(4), 0.2f);
		Recommendation ranked = InterestModel.train(positives, List.of(), List.of())
			.rank(List.of(new Candidate("a protein paper", protein)), 1)
			.get(0);
		assertThat(ranked.because()).isEqualTo("saved about proteins");
		assertThat(ranked.closeness()).isCloseTo(cosine(protein, axis(1)), within(1e-5));
	}

	@Test
	void theRegressionsRankedPapersAreExplainedByTheirNearestPositiveToo() {
		List<Example> positives = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			positives.add(Example.of("graphs " + i, near(0, 0.2)));
			positives.add(Example.of("proteins " + i, near(1, 0.2)));
		}
		InterestModel model = InterestModel.train(positives, List.of(), background(100));
		assertThat(model.kind()).isEqualTo(InterestModel.Kind.LINEAR);
		List<Recommendation> ranked = model.rank(List.of(new Candidate("g", near(0, 0.05)), new Candidate("p", near(1, 0.05))), 2);
		assertThat(ranked).filteredOn((recommendation) -> recommendation.id().equals("g"))
			.singleElement()
			.extracting(Recommendation::because)
			.asString()
			.startsWith("graphs ");
		assertThat(ranked).filteredOn((recommendation) -> recommendation.id().equals("p"))
			.singleElement()
			.extracting(Recommendation::because)
			.asString()
			.startsWith("proteins ");
	}

	@Test
	void aHeavierSignalWinsTheExplanationBetweenTwoEquallyCloseExamples() {
		float[] between = mix(axis(0), axis(1), 1f);
		List<Example> positives = List.of(new Example("upvoted", axis(0), 1), new Example("saved", axis(1), 3));
		assertThat(InterestModel.train(positives, List.of(), List.of()).rank(List.of(new Candidate("c", between)), 1).get(0).because())
			.isEqualTo("saved");
	}

	@Test
	void aMemberWithoutSignalsGetsTheCandidatesInTheGivenOrderWithoutAReason() {
		InterestModel model = InterestModel.train(List.of(), List.of(), List.of());
		assertThat(model.kind()).isEqualTo(InterestModel.Kind.EMPTY);
		List<Recommendation> ranked = model.rank(List.of(new Candidate("a", axis(3)), new Candidate("b", axis(1)),
				new Candidate("c", axis(2))), 2);
		assertThat(ranked).extracting(Recommendation::id).containsExactly("a", "b");
		assertThat(ranked).extracting(Recommendation::because).containsOnlyNulls();
	}

	@Test
	void aSingleSignalRanksByClosenessToIt() {
		InterestModel model = InterestModel.train(List.of(Example.of("only", axis(0))), List.of(), List.of());
		List<Recommendation> ranked = model.rank(List.of(new Candidate("far", mix(axis(0), axis(1), 3f)),
				new Candidate("closest", mix(axis(0), axis(1), 0.1f)), new Candidate("middle", mix(axis(0), axis(1), 1f))), 10);
		assertThat(ranked).extracting(Recommendation::id).containsExactly("closest", "middle", "far");
		assertThat(ranked).extracting(Recommendation::because).containsOnly("only");
	}

	@Test
	void theRegressionTakesOverAtTheSettingsNumberOfPositives() {
		InterestModel.Settings settings = InterestModel.Settings.DEFAULTS.withLinearFrom(8);
		assertThat(InterestModel.train(positives(7), List.of(), background(20), settings).kind())
			.isEqualTo(InterestModel.Kind.NEAREST);
		assertThat(InterestModel.train(positives(8), List.of(), background(20), settings).kind())
			.isEqualTo(InterestModel.Kind.LINEAR);
	}

	@Test
	void byDefaultOneSignalAndSomethingToContrastItWithMakeARegression() {
		assertThat(InterestModel.train(positives(1), List.of(), background(20)).kind()).isEqualTo(InterestModel.Kind.LINEAR);
		assertThat(InterestModel.train(positives(1), List.of(Example.of("n", axis(3))), List.of()).kind())
			.isEqualTo(InterestModel.Kind.LINEAR);
		assertThat(InterestModel.train(positives(5), List.of(), List.of()).kind()).isEqualTo(InterestModel.Kind.NEAREST);
	}

	@Test
	void theSameSignalsGiveTheSameScores() {
		List<Example> positives = positives(12);
		List<float[]> background = background(50);
		float[] candidate = near(2, 0.5);
		assertThat(InterestModel.train(positives, List.of(), background).score(candidate))
			.isEqualTo(InterestModel.train(positives, List.of(), background).score(candidate));
	}

	@Test
	void onlyTheDirectionOfAVectorCounts() {
		InterestModel model = InterestModel.train(positives(12), List.of(), background(50));
		float[] candidate = near(2, 0.5);
		float[] longer = candidate.clone();
		for (int i = 0; i < longer.length; i++) {
			longer[i] *= 10;
		}
		assertThat(model.score(longer)).isCloseTo(model.score(candidate), within(1e-4));
	}

	@Test
	void theRankingStopsAtTheLimitWithTheHighestFirst() {
		InterestModel model = InterestModel.train(List.of(Example.of("only", axis(0))), List.of(), List.of());
		List<Candidate> candidates = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			candidates.add(new Candidate("c" + i, near(i % 4, 0.5)));
		}
		List<Recommendation> ranked = model.rank(candidates, 5);
		assertThat(ranked).hasSize(5);
		assertThat(ranked).extracting(Recommendation::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
		double fifth = ranked.get(4).score();
		assertThat(candidates).filteredOn((candidate) -> model.score(candidate.vector()) > fifth).hasSizeLessThanOrEqualTo(4);
		assertThat(model.rank(candidates, 0)).isEmpty();
	}

	@Test
	void aZeroVectorIsRejectedWithItsName() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> InterestModel.train(List.of(Example.of("p", new float[DIMENSIONS])), List.of(), List.of()))
			.withMessageContaining("all zeros");
		InterestModel model = InterestModel.train(List.of(Example.of("p", axis(0))), List.of(), List.of());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> model.rank(List.of(new Candidate("blank", new float[DIMENSIONS])), 1))
			.withMessageContaining("candidate blank")
			.withMessageContaining("all zeros");
	}

	@Test
	void aNaNOrAnInfinityIsRejectedWherever() {
		float[] nan = axis(0);
		nan[3] = Float.NaN;
		float[] infinite = axis(0);
		infinite[1] = Float.POSITIVE_INFINITY;
		assertThatIllegalArgumentException()
			.isThrownBy(() -> InterestModel.train(List.of(Example.of("p", nan)), List.of(), List.of()))
			.withMessageContaining("NaN");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> InterestModel.train(List.of(Example.of("p", axis(0))), List.of(), List.of(infinite)))
			.withMessageContaining("background")
			.withMessageContaining("Infinity");
		InterestModel model = InterestModel.train(positives(10), List.of(), background(10));
		assertThatIllegalArgumentException().isThrownBy(() -> model.score(nan)).withMessageContaining("NaN");
	}

	@Test
	void vectorsOfAnotherLengthAreRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> InterestModel.train(List.of(Example.of("a", axis(0)), Example.of("b", new float[] { 1, 0 })),
					List.of(), List.of()))
			.withMessageContaining("has 2 values, not " + DIMENSIONS);
		InterestModel model = InterestModel.train(List.of(Example.of("a", axis(0))), List.of(), List.of());
		assertThatIllegalArgumentException().isThrownBy(() -> model.score(new float[] { 1, 0, 0 }))
			.withMessageContaining("has 3 values");
	}

	@Test
	void aSignalWithoutPositiveWeightIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Example("p", axis(0), 0)).withMessageContaining("p");
		assertThatIllegalArgumentException().isThrownBy(() -> new Example("p", axis(0), Double.NaN));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> InterestModel.Settings.DEFAULTS.withTemperature(0));
	}

	@Test
	void aPaperSharingTheRareWordsOfTheSavedPapersRanksFirstWhenTheVectorsCannotTell() {
		float[] same = axis(0);
		List<Example> saved = List.of(
				new Example("s1", same, 1, text("Gaussian splatting for dynamic scenes", "We render dynamic scenes with gaussian splatting in real time.", "Ada Lovelace")),
				new Example("s2", same, 1, text("Faster gaussian splatting", "Gaussian splatting trains faster with a sparse rasterizer.", "Grace Hopper")));
		InterestModel model = InterestModel.train(new InterestModel.Examples(saved, List.of(), textBackground()));
		assertThat(model.readsWords()).isTrue();
		List<Recommendation> ranked = model.rank(List.of(
				new Candidate("proteins", same, text("Protein folding with transformers", "A transformer predicts protein structure.", "Alan Turing")),
				new Candidate("splatting", same, text("Gaussian splatting of city blocks", "City scale scenes rendered by gaussian splatting.", "Alan Turing")),
				new Candidate("robots", same, text("Robot grasping", "A robot learns to grasp cups from few demonstrations.", "Alan Turing"))), 3);
		assertThat(ranked).extracting(Recommendation::id).first().isEqualTo("splatting");
	}

	@Test
	void aPaperByAnAuthorOfSeveralSavedPapersRanksFirstAndIsExplainedByThatAuthor() {
		float[] same = axis(0);
		List<Example> saved = List.of(
				new Example("s1", same, 1, text("Knitting compilers", "Compiling knitting patterns.", "Zoë Ångström", "Ada Lovelace")),
				new Example("s2", same, 1, text("Weaving machines", "Programs for looms.", "Zoë Ångström")),
				new Example("s3", same, 1, text("Embroidery by numbers", "Stitch plans from images.", "Grace Hopper")));
		InterestModel model = InterestModel.train(new InterestModel.Examples(saved, List.of(), textBackground()));
		List<Recommendation> ranked = model.rank(List.of(
				new Candidate("other", same, text("Quilting algorithms", "Patterns for quilts.", "Alan Turing")),
				new Candidate("by her", same, text("Protein folding", "A transformer predicts protein structure.", "zoe  angstrom")),
				new Candidate("once", same, text("Knot theory", "Knots and links.", "Grace Hopper"))), 3);
		assertThat(ranked.get(0).id()).isEqualTo("by her");
		assertThat(ranked.get(0).author()).isEqualTo("zoe  angstrom");
		assertThat(ranked.get(0).because()).isEqualTo("s1");
		// one paper in common can be chance: the nearest example explains it, not the author
		assertThat(ranked).filteredOn((recommendation) -> recommendation.id().equals("once"))
			.singleElement()
			.extracting(Recommendation::author)
			.isNull();
	}

	@Test
	void aPaperWithoutAVectorIsRankedByItsWordsAndExplainedByTheClosestWords() {
		List<Example> saved = List.of(
				new Example("graphs", axis(0), 1, text("Graph neural networks", "Message passing on molecular graphs.", "Ada Lovelace")),
				new Example("speech", axis(1), 1, text("Speech recognition", "Acoustic models for speech recognition.", "Grace Hopper")));
		InterestModel model = InterestModel.train(new InterestModel.Examples(saved, List.of(), textBackground()));
		List<Recommendation> ranked = model.rank(List.of(
				new Candidate("unrelated", axis(3), text("Tax law", "Tax codes of small countries.", "Alan Turing")),
				new Candidate("new", null, text("Molecular graphs", "Message passing neural networks on molecular graphs.", "Alan Turing"))), 2);
		assertThat(ranked.get(0).id()).isEqualTo("new");
		assertThat(ranked.get(0).because()).isEqualTo("graphs");
		assertThat(ranked.get(0).closeness()).isGreaterThan(0);
	}

	@Test
	void withoutWordsAPaperWithoutAVectorComesAfterEveryPaperWithOne() {
		InterestModel model = InterestModel.train(positives(3), List.of(), background(20));
		assertThat(model.readsWords()).isFalse();
		List<Recommendation> ranked = model.rank(List.of(new Candidate("no vector", null, text("A title", "An abstract.")),
				new Candidate("far", near(5, 0.1))), 2);
		assertThat(ranked).extracting(Recommendation::id).containsExactly("far", "no vector");
	}

	@Test
	void theSameSignalsAndTextsGiveTheSameScores() {
		List<Example> saved = List.of(new Example("s1", near(0, 0.3), 1, text("Gaussian splatting", "Dynamic scenes.", "Ada Lovelace")),
				new Example("s2", near(0, 0.3), 0.5, text("Neural radiance fields", "Novel views.", "Ada Lovelace")));
		List<Example> background = textBackground();
		Candidate candidate = new Candidate("c", near(0, 0.3), text("Splatting radiance", "Views of scenes.", "Ada Lovelace"));
		double first = InterestModel.train(new InterestModel.Examples(saved, List.of(), background)).score(candidate);
		assertThat(InterestModel.train(new InterestModel.Examples(saved, List.of(), background)).score(candidate)).isEqualTo(first);
		assertThat(first).isFinite();
	}

	@Test
	void hostileTextsAreReadWithoutFailing() {
		StringBuilder long10k = new StringBuilder();
		for (int i = 0; i < 10_000; i++) {
			long10k.append("word").append(i % 997).append(' ');
		}
		List<Example> saved = List.of(new Example("empty", near(0, 0.3), 1, text("", "")),
				new Example("unicode", near(0, 0.3), 1, text("Ünïcödé 量子 Ω-λ 🚀 émigré", "Σ\u0000\u202e ﬁne ﬀ", "Ζωή Ångström")),
				new Example("long", near(0, 0.3), 1, text("Long", long10k.toString(), "Ada Lovelace")));
		InterestModel model = InterestModel.train(new InterestModel.Examples(saved, List.of(), textBackground()));
		List<Recommendation> ranked = model.rank(List.of(new Candidate("blank", near(0, 0.3), text("", "")),
				new Candidate("emoji", null, text("🚀🚀", "🚀", "🚀")), new Candidate("long", null, text("Long", long10k.toString())),
				new Candidate("accents", near(1, 0.3), text("Emigre", "fine"))), 4);
		assertThat(ranked).hasSize(4).allSatisfy((recommendation) -> assertThat(recommendation.score()).isFinite());
		assertThat(ranked).extracting(Recommendation::id).containsSubsequence("long", "emoji");
	}

	@Test
	void noPositiveExampleWithTextsKeepsTheCandidatesInTheirOrder() {
		InterestModel model = InterestModel.train(new InterestModel.Examples(List.of(), List.of(), textBackground()));
		assertThat(model.kind()).isEqualTo(InterestModel.Kind.EMPTY);
		assertThat(model.rank(List.of(new Candidate("b", null, text("B", "b")), new Candidate("a", axis(1), text("A", "a"))), 2))
			.extracting(Recommendation::id, Recommendation::because)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("b", null), org.assertj.core.groups.Tuple.tuple("a", null));
	}

	@Test
	void aPaperWithNeitherVectorNorTextIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Example("p", null, 1, null)).withMessageContaining("p");
		assertThatIllegalArgumentException().isThrownBy(() -> new Candidate("c", null, null)).withMessageContaining("c");
	}

	private static PaperText text(String title, String summary, String... authors) {
		return new PaperText(title, summary, List.of(authors));
	}

	/** Background papers on other subjects, by other authors, in random directions. */
	private List<Example> textBackground() {
		String[] subjects = { "Tax law of islands", "Crop yields under drought", "Bridge vibration sensing",
				"Medieval trade routes", "Battery chemistry", "Ocean currents", "Bird migration", "Chess openings",
				"Volcanic ash", "Traffic lights", "Coral reefs", "Paper folding" };
		List<Example> background = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			String subject = subjects[i % subjects.length];
			background.add(new Example("b" + i, background(1).get(0), 1,
					text(subject + " " + i, "A study of " + subject.toLowerCase(java.util.Locale.ROOT) + " in region " + i + ".", "Author " + i)));
		}
		return background;
	}

	private List<Example> positives(int count) {
		List<Example> positives = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			positives.add(Example.of("p" + i, near(0, 0.5)));
		}
		return positives;
	}

	/** Papers in random directions, as the unremarkable rest of an archive. */
	private List<float[]> background(int count) {
		List<float[]> background = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			float[] vector = new float[DIMENSIONS];
			for (int d = 0; d < DIMENSIONS; d++) {
				vector[d] = (float) this.random.nextGaussian();
			}
			background.add(vector);
		}
		return background;
	}

	private static float[] axis(int index) {
		float[] vector = new float[DIMENSIONS];
		vector[index] = 1;
		return vector;
	}

	/** A unit vector around an axis, off it by Gaussian noise of this size per dimension. */
	private float[] near(int index, double noise) {
		float[] vector = axis(index);
		for (int d = 0; d < DIMENSIONS; d++) {
			vector[d] += (float) (noise * this.random.nextGaussian() / Math.sqrt(DIMENSIONS));
		}
		return vector;
	}

	/** {@code a} plus {@code share} times {@code b}. */
	private static float[] mix(float[] a, float[] b, float share) {
		float[] mixed = new float[a.length];
		for (int i = 0; i < a.length; i++) {
			mixed[i] = a[i] + share * b[i];
		}
		return mixed;
	}

	private static double cosine(float[] a, float[] b) {
		double dot = 0;
		double na = 0;
		double nb = 0;
		for (int i = 0; i < a.length; i++) {
			dot += a[i] * b[i];
			na += a[i] * a[i];
			nb += b[i] * b[i];
		}
		return dot / Math.sqrt(na * nb);
	}

}
