package io.paperboy.search;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class QueryVectorsTests {

	private final CountingEmbedder embedder = new CountingEmbedder();

	@Test
	void aQueryAskedAgainIsNotEmbeddedAgain() {
		QueryVectors vectors = new QueryVectors(this.embedder);

		float[] first = vectors.of("language models");
		float[] again = vectors.of("language models");

		assertThat(again).isSameAs(first).containsExactly(15f, 1f);
		assertThat(this.embedder.texts).containsExactly("language models");
	}

	@Test
	void queriesThatDifferAreEmbeddedEachOnItsOwn() {
		QueryVectors vectors = new QueryVectors(this.embedder);

		assertThat(vectors.of("diffusion")).containsExactly(9f, 1f);
		assertThat(vectors.of("Diffusion")).containsExactly(9f, 1f);

		assertThat(this.embedder.texts).containsExactly("diffusion", "Diffusion");
	}

	@Test
	void aFailureOfTheModelIsNotRemembered() {
		QueryVectors vectors = new QueryVectors(this.embedder);
		this.embedder.failing = true;

		assertThatIllegalStateException().isThrownBy(() -> vectors.of("agents"));
		this.embedder.failing = false;

		assertThat(vectors.of("agents")).containsExactly(6f, 1f);
		assertThat(this.embedder.texts).containsExactly("agents", "agents");
	}

	@Test
	void pastItsSizeItForgetsQueries() {
		QueryVectors vectors = new QueryVectors(this.embedder, 1);

		for (int round = 0; round < 3; round++) {
			vectors.of("one");
			vectors.of("two");
		}

		assertThat(this.embedder.texts).hasSizeGreaterThan(2);
	}

	/** A model that makes a vector of each text's length, and records what it was asked. */
	private static final class CountingEmbedder implements Embedder {

		private final List<String> texts = new ArrayList<>();

		private boolean failing;

		@Override
		public String model() {
			return "counting";
		}

		@Override
		public int dimensions() {
			return 2;
		}

		@Override
		public List<float[]> embed(List<String> texts) {
			this.texts.addAll(texts);
			if (this.failing) {
				throw new IllegalStateException("the model failed");
			}
			return texts.stream().map((text) -> new float[] { text.length(), 1f }).toList();
		}

	}

}
