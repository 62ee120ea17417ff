package io.paperboy.search;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A piece of highlighted text, in the shape of Hugging Face's search API: a title or abstract is a
 * list of these, and the pieces of type {@code highlight} are the words the query matched.
 *
 * @param type {@code text} or {@code highlight}
 * @param text the characters
 */
public record HighlightSegment(String type, String text) {

	static HighlightSegment text(String text) {
		return new HighlightSegment("text", text);
	}

	static HighlightSegment highlight(String text) {
		return new HighlightSegment("highlight", text);
	}

	static List<HighlightSegment> plain(String text) {
		return text.isEmpty() ? List.of() : List.of(text(text));
	}

	/** Whether this piece is words the query matched. */
	@JsonIgnore
	public boolean isHighlight() {
		return "highlight".equals(this.type);
	}

}
