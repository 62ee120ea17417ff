package io.paperboy.foryou;

import java.util.List;
import java.util.Objects;

/**
 * The words of a paper as the interest model reads them: its title, its abstract and its authors'
 * names (docs/for-you.md, "The model").
 *
 * @param title the title (may be empty)
 * @param summary the abstract (may be empty)
 * @param authors the authors' names as the paper lists them
 */
public record PaperText(String title, String summary, List<String> authors) {

	public PaperText {
		title = Objects.requireNonNullElse(title, "");
		summary = Objects.requireNonNullElse(summary, "");
		authors = List.copyOf(authors);
	}

}
