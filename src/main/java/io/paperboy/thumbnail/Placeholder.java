package io.paperboy.thumbnail;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a paper shows until its thumbnail is made: a page drawn in SVG, the size of a thumbnail,
 * with the initials of the title's first two words and a few grey lines for text. Made here, so a
 * page never shows a broken image and never asks another site for one.
 */
final class Placeholder {

	private Placeholder() {
	}

	/** The SVG of the placeholder for a paper with this title. */
	static String svg(String title) {
		return """
				<svg xmlns="http://www.w3.org/2000/svg" width="%1$d" height="%2$d" viewBox="0 0 %1$d %2$d" role="img" aria-label="First page not shown yet">
				<rect width="%1$d" height="%2$d" fill="#f4f5f7"/>
				<rect x="40" y="40" width="320" height="438" rx="6" fill="#ffffff" stroke="#d0d4da" stroke-width="2"/>
				<text x="200" y="200" text-anchor="middle" font-family="Georgia, serif" font-size="96" fill="#8a93a0">%3$s</text>
				<g fill="#e3e6ea"><rect x="80" y="270" width="240" height="10"/><rect x="80" y="295" width="240" height="10"/><rect x="80" y="320" width="200" height="10"/><rect x="80" y="360" width="240" height="10"/><rect x="80" y="385" width="220" height="10"/></g>
				</svg>
				""".formatted(FirstPageRenderer.WIDTH, HEIGHT, initials(title));
	}

	/** The height of the placeholder: a letter-size page, {@link FirstPageRenderer#WIDTH} wide. */
	static final int HEIGHT = 518;

	/**
	 * Up to two letters or digits, the first of the title's first two words, capitalised; nothing
	 * else of the title reaches the SVG, so it needs no escaping.
	 */
	static String initials(String title) {
		if (title == null) {
			return "";
		}
		return Arrays.stream(title.strip().split("\\s+"))
			.filter((word) -> !word.isEmpty())
			.map((word) -> word.codePoints().filter(Character::isLetterOrDigit).findFirst().orElse(-1))
			.filter((first) -> first != -1)
			.limit(2)
			.map((first) -> new String(Character.toChars(first)).toUpperCase(Locale.ROOT))
			.collect(Collectors.joining());
	}

}
