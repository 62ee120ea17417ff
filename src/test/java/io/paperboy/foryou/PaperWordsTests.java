package io.paperboy.foryou;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.paperboy.catalog.Author;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PaperWordsTests {

	@Test
	void theWordsAndPairsAreTheOnesArxivSanityLitesVectorizerCounts() {
		String title = "Réflexions on 3D Gaussian-Splatting: the GS2 model";
		String summary = "We show that a model, and its 2nd variant x_y, beat_3 baselines; the model is fast. A b c.";
		Map<Long, Integer> expected = new HashMap<>();
		TfIdfVectorizer.termCounts(title + " " + summary).forEach((term, count) -> {
			String[] words = term.split(" ");
			long hash = (words.length == 1) ? PaperWords.hash(words[0])
					: PaperWords.pair(PaperWords.hash(words[0]), PaperWords.hash(words[1]));
			expected.put(hash, count);
		});
		PaperWords words = PaperWords.of(new PaperText(title, summary, List.of()));
		Map<Long, Integer> counted = new HashMap<>();
		for (int i = 0; i < words.terms().length; i++) {
			counted.put(words.terms()[i], words.counts()[i]);
		}
		assertThat(counted).isEqualTo(expected);
		assertThat(counted).containsEntry(PaperWords.hash("model"), 3).containsKey(PaperWords.hash("reflexions"));
	}

	@Test
	void anAuthorIsKnownByTheSameKeyAsAFollowedAuthor() {
		for (String name : List.of("Ada Lovelace", "  ada   LOVELACE ", "Zoë  Ångström", "A/B;C%D\\E", "Ada\tLovelace",
				"李 小龙", "X")) {
			assertThat(PaperWords.authorKey(name)).as(name)
				.isEqualTo(PaperWords.hash(Author.nameKey(name)) ^ PaperWords.AUTHOR_SALT);
		}
		assertThat(PaperWords.authorKey("Zoë Ångström")).isEqualTo(PaperWords.authorKey("zoe angstrom"));
		assertThat(PaperWords.authorKey(" / ")).isZero();
	}

	@Test
	void anEmptyTextHasNoWordsAndAnAuthorNamedTwiceCountsOnce() {
		PaperWords words = PaperWords.of(new PaperText("", "", List.of("Ada Lovelace", "ada lovelace", "Alan Turing")));
		assertThat(words.terms()).isEmpty();
		assertThat(words.authors()).hasSize(2);
		assertThat(words.authorNames()).containsExactly("Ada Lovelace", "Alan Turing");
	}

}
