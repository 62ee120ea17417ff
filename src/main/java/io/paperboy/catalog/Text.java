package io.paperboy.catalog;

import java.util.regex.Pattern;

/** Display forms of the text arXiv and its mirrors hand us. */
public final class Text {

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private Text() {
	}

	/**
	 * Joins lines that arXiv wrapped at about 80 columns and collapses runs of spaces, so a title
	 * or abstract reads as one paragraph. Markup (LaTeX, HTML) is left as text: templates escape it.
	 */
	public static String unwrap(String text) {
		return (text == null) ? "" : WHITESPACE.matcher(text).replaceAll(" ").strip();
	}

	/** The unwrapped text cut at a word boundary to at most {@code max} characters, with an ellipsis. */
	public static String excerpt(String text, int max) {
		String flat = unwrap(text);
		if (flat.length() <= max) {
			return flat;
		}
		int cut = flat.lastIndexOf(' ', max - 1);
		return flat.substring(0, (cut > max / 2) ? cut : max - 1).stripTrailing() + "…";
	}

}
