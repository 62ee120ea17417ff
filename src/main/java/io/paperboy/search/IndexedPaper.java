package io.paperboy.search;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import io.paperboy.catalog.Author;
import io.paperboy.catalog.Paper;

/**
 * What the index knows of a paper: the text that is searched and the values that filter and sort.
 *
 * @param id canonical arXiv id
 * @param title title, on one line
 * @param summary abstract, on one line
 * @param authors author names in order
 * @param categories arXiv categories, primary first
 * @param publishedAt first publication, if known
 * @param upvotes upvotes shown on the site
 */
record IndexedPaper(String id, String title, String summary, List<String> authors, List<String> categories,
		Instant publishedAt, int upvotes) {

	IndexedPaper {
		authors = List.copyOf(authors);
		categories = List.copyOf(categories);
	}

	static IndexedPaper of(Paper paper) {
		return new IndexedPaper(paper.id(), paper.displayTitle(), paper.displaySummary(),
				paper.authors().stream().map(Author::name).toList(), paper.categories(), paper.publishedAt(),
				paper.upvotes());
	}

	/**
	 * Characters embedded at most: about 230 word pieces. The tokenizer shipped with the model cuts
	 * at 128 word pieces anyway (about the title and the first 400 to 500 characters of the
	 * abstract); the offline evaluation (docs/search.md) found the title alone, 500 and 1,000
	 * characters on a par.
	 */
	static final int EMBEDDED_CHARACTERS = 1000;

	/** What is embedded: the title and the start of the abstract, which say what the paper is about. */
	String embeddingText() {
		String text = this.title + ". " + this.summary;
		if (text.length() <= EMBEDDED_CHARACTERS) {
			return text;
		}
		int space = text.lastIndexOf(' ', EMBEDDED_CHARACTERS);
		return text.substring(0, (space > EMBEDDED_CHARACTERS / 2) ? space : EMBEDDED_CHARACTERS);
	}

	/**
	 * A digest of the embedded text and the model: a stored vector is reused, when the paper is indexed
	 * again, only while both are the same.
	 */
	String embeddingKey(String model) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(model.getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
			digest.update(embeddingText().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest.digest(), 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
