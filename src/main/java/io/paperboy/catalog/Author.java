package io.paperboy.catalog;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.web.util.UriUtils;

/**
 * One author of a paper, in the order the paper lists them.
 *
 * @param name the name as the source spells it
 * @param sourceId the author's id at the source that supplied it (Hugging Face's {@code _id}), if any
 * @param hidden whether the source hides this author from listings
 * @param affiliations the author's affiliations as arXiv gives them, possibly none
 */
public record Author(String name, String sourceId, boolean hidden, List<String> affiliations) {

	public Author {
		affiliations = List.copyOf(affiliations);
	}

	/** An author as a daily list describes them: no affiliations. */
	public Author(String name, String sourceId, boolean hidden) {
		this(name, sourceId, hidden, List.of());
	}

	/** An author as arXiv describes them: a name and affiliations. */
	public static Author fromArxiv(String name, List<String> affiliations) {
		return new Author(name, null, false, affiliations);
	}

	/** The longest key stored: the width of {@code paper_authors.name_key}. */
	static final int NAME_KEY_LENGTH = 500;

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	/**
	 * Characters that cannot travel in a path segment, even percent-encoded: the web server and its
	 * firewall refuse {@code %2F}, {@code %5C}, {@code %25} and {@code ;}. They count as spaces in
	 * {@link #nameKey}, so a link that has spaces in their place finds the same author.
	 */
	private static final Pattern NOT_IN_PATH = Pattern.compile("[/\\\\;%]");

	/** This author's page, {@code /authors/Ada%20Lovelace}. */
	public String pagePath() {
		return pagePath(this.name);
	}

	/** The page of the author so named, {@code /authors/Ada%20Lovelace}. */
	public static String pagePath(String name) {
		return "/authors/" + UriUtils.encodePathSegment(NOT_IN_PATH.matcher(name).replaceAll(" "), StandardCharsets.UTF_8);
	}

	/**
	 * The key that finds an author's papers whatever the spelling of case, accents and spaces:
	 * "Zoë  Ångström" and "zoe angstrom" have the same (and so does "Zoë/Ångström", see
	 * {@link #pagePath(String)}). Stored beside each name in
	 * {@code paper_authors.name_key} (migration V13 computed it for the names already stored, with
	 * this method: a change here needs a migration that computes the keys again).
	 */
	public static String nameKey(String name) {
		String key = printableAsciiKey(name);
		return (key != null) ? key : unicodeKey(name);
	}

	private static String unicodeKey(String name) {
		String decomposed = NOT_IN_PATH.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll(" ");
		String key = SPACES.matcher(MARKS.matcher(decomposed).replaceAll("")).replaceAll(" ")
			.strip()
			.toLowerCase(Locale.ROOT);
		return (key.length() > NAME_KEY_LENGTH) ? key.substring(0, NAME_KEY_LENGTH) : key;
	}

	/**
	 * {@link #nameKey}'s key in one pass for a name of printable ASCII only (most names; a bulk import
	 * keys five or so a paper, and the three patterns cost several times this), or null for any other
	 * name. The same key: such a name has nothing to decompose and no marks; the separators and
	 * spaces become one space, none at either end.
	 */
	private static String printableAsciiKey(String name) {
		StringBuilder key = new StringBuilder(name.length());
		boolean space = false;
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c < ' ' || c > '~') {
				return null;
			}
			if (c == ' ' || c == '/' || c == '\\' || c == ';' || c == '%') {
				space = true;
				continue;
			}
			if (space && !key.isEmpty()) {
				key.append(' ');
			}
			space = false;
			key.append((c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c);
		}
		return (key.length() > NAME_KEY_LENGTH) ? key.substring(0, NAME_KEY_LENGTH) : key.toString();
	}

}
