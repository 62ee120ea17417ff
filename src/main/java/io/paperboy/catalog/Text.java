package io.paperboy.catalog;

/** Display forms of the text arXiv and its mirrors hand us. */
public final class Text {

	private Text() {
	}

	/**
	 * Joins lines that arXiv wrapped at about 80 columns and collapses runs of spaces, so a title
	 * or abstract reads as one paragraph. Markup (LaTeX, HTML) is left as text: templates escape it.
	 */
	public static String unwrap(String text) {
		if (text == null) {
			return "";
		}
		// by hand, not with the regular expression \s+: this runs for every abstract a search shows
		StringBuilder flat = null;
		boolean inSpace = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean space = isSpace(c);
			if (flat == null && (space && (c != ' ' || inSpace))) {
				// the first change: copy what came before, then build the rest
				flat = new StringBuilder(text.length()).append(text, 0, i);
			}
			if (flat != null) {
				if (!space) {
					flat.append(c);
				}
				else if (!inSpace) {
					flat.append(' ');
				}
			}
			inSpace = space;
		}
		return ((flat != null) ? flat.toString() : text).strip();
	}

	/** The characters of the regular expression {@code \s}: ASCII white space only. */
	private static boolean isSpace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
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
