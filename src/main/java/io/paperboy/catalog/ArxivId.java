package io.paperboy.catalog;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An arXiv identifier in its canonical form, with the version kept beside it.
 * <p>
 * Two schemes exist: the current one ({@code 2401.00001}, since April 2007; four digits after the
 * dot until December 2014, five since) and the old one ({@code hep-th/9901001}, an archive name,
 * an optional subject class, then year, month and a three-digit number). Both may carry a version
 * suffix ({@code v2}); the canonical id never does.
 *
 * @param id the canonical id, without version
 * @param version the version the input named, or {@code null} when it named none
 */
public record ArxivId(String id, Integer version) {

	private static final Pattern NEW_STYLE = Pattern.compile("(\\d{2})(\\d{2})\\.(\\d{4,5})(?:v(\\d{1,4}))?");

	private static final Pattern OLD_STYLE = Pattern
		.compile("([a-z]+(?:-[a-z]+)?)(\\.[A-Za-z]{2})?/(\\d{2})(\\d{2})(\\d{3})(?:v(\\d{1,4}))?");

	private static final Pattern PREFIX = Pattern.compile("^(?:arxiv:|https?://(?:www\\.|export\\.)?arxiv\\.org/(?:abs|pdf)/)",
			Pattern.CASE_INSENSITIVE);

	/**
	 * Parses an id as people write it: with or without version, with an {@code arXiv:} prefix or as
	 * an abstract or PDF URL.
	 * @throws InvalidArxivIdException when the text is not an arXiv id
	 */
	public static ArxivId parse(String text) {
		return tryParse(text).orElseThrow(() -> new InvalidArxivIdException(text));
	}

	/** Like {@link #parse(String)}, but empty for text that is not an arXiv id. */
	public static Optional<ArxivId> tryParse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String candidate = PREFIX.matcher(text.strip()).replaceFirst("");
		if (candidate.toLowerCase(Locale.ROOT).endsWith(".pdf")) {
			candidate = candidate.substring(0, candidate.length() - 4);
		}
		Matcher matcher = NEW_STYLE.matcher(candidate);
		if (matcher.matches()) {
			int year = Integer.parseInt(matcher.group(1));
			int month = Integer.parseInt(matcher.group(2));
			int digits = matcher.group(3).length();
			boolean validMonth = month >= 1 && month <= 12;
			// the scheme began in 0704; five-digit numbers began in 1501
			boolean inScheme = year * 100 + month >= 704;
			boolean rightLength = (year >= 15) ? digits == 5 : digits == 4;
			if (!validMonth || !inScheme || !rightLength) {
				return Optional.empty();
			}
			String id = matcher.group(1) + matcher.group(2) + "." + matcher.group(3);
			return Optional.of(new ArxivId(id, version(matcher.group(4))));
		}
		matcher = OLD_STYLE.matcher(candidate);
		if (matcher.matches()) {
			int year = Integer.parseInt(matcher.group(3));
			int month = Integer.parseInt(matcher.group(4));
			// the old scheme ran from 9108 to 0703
			boolean inScheme = (year >= 91 || year <= 7) && !(year == 7 && month > 3) && !(year == 91 && month < 8);
			if (month < 1 || month > 12 || !inScheme) {
				return Optional.empty();
			}
			String subject = matcher.group(2) == null ? "" : "." + matcher.group(2).substring(1).toUpperCase(Locale.ROOT);
			String id = matcher.group(1) + subject + "/" + matcher.group(3) + matcher.group(4) + matcher.group(5);
			return Optional.of(new ArxivId(id, version(matcher.group(6))));
		}
		return Optional.empty();
	}

	private static Integer version(String digits) {
		if (digits == null) {
			return null;
		}
		int version = Integer.parseInt(digits);
		return version == 0 ? null : version;
	}

	/** Whether the input named a version, so a page should redirect to the canonical id. */
	public boolean hasVersion() {
		return this.version != null;
	}

	/** Whether this is an id of the old, archive-prefixed scheme. */
	public boolean isOldStyle() {
		return this.id.contains("/");
	}

	@Override
	public String toString() {
		return (this.version == null) ? this.id : this.id + "v" + this.version;
	}

}
