package io.paperboy.catalog;

import java.text.Normalizer;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A paper's BibTeX entry, as arXiv's own "Export BibTeX Citation" writes it: {@code @misc} with
 * {@code eprint}, {@code archivePrefix} and {@code primaryClass}, which biblatex and natbib styles
 * cite as an arXiv preprint.
 * <p>
 * Titles and names are LaTeX as arXiv gives them ({@code $\alpha$}, {@code Schr\"odinger}), and stay
 * so. What could break the entry, or the document that cites it, is made harmless: a brace without
 * its partner would end the field early (and let the rest of a hostile title write fields of its own),
 * so it becomes {@code \textbraceleft{}} or {@code \textbraceright{}}; {@code %}, {@code &} and
 * {@code #} not already escaped get their backslash; line breaks and control characters become
 * spaces; and a name that holds the word "and" is braced so that BibTeX does not split it in two.
 */
final class Bibtex {

	private static final Pattern NOT_KEY = Pattern.compile("[^a-z0-9]+");

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern AND = Pattern.compile("(?i)(^|\\s)and(\\s|$)");

	private Bibtex() {
	}

	/** The entry for a paper. */
	static String of(Paper paper) {
		List<String> fields = new ArrayList<>();
		fields.add(field("title", text(paper.displayTitle())));
		if (!paper.authors().isEmpty()) {
			fields.add(field("author", String.join(" and ", paper.authors().stream().map((author) -> name(author.name())).toList())));
		}
		if (paper.publishedAt() != null) {
			fields.add(field("year", String.valueOf(paper.publishedAt().atOffset(ZoneOffset.UTC).getYear())));
		}
		fields.add(field("eprint", text(paper.id())));
		fields.add(field("archivePrefix", "arXiv"));
		if (paper.primaryCategory() != null) {
			fields.add(field("primaryClass", text(paper.primaryCategory())));
		}
		if (paper.doi() != null) {
			fields.add(field("doi", text(paper.doi())));
		}
		fields.add(field("url", text(paper.arxivUrl())));
		return "@misc{" + key(paper) + ",\n" + String.join(",\n", fields) + "\n}\n";
	}

	/**
	 * The citation key: the first author's family name, the year and the first word of the title,
	 * in ASCII letters and digits ({@code lovelace2024study}); the arXiv id where those give nothing.
	 */
	static String key(Paper paper) {
		String family = paper.authors().isEmpty() ? "" : lastWord(paper.authors().get(0).name());
		String year = (paper.publishedAt() != null) ? String.valueOf(paper.publishedAt().atOffset(ZoneOffset.UTC).getYear()) : "";
		String word = firstWord(paper.displayTitle());
		String key = ascii(family) + year + ascii(word);
		return (ascii(family).isEmpty()) ? "arxiv" + ascii(paper.id()) : key;
	}

	private static String field(String name, String value) {
		return "  " + name + " = {" + value + "}";
	}

	/** A name for the author field: its text, braced whole when it holds the word "and". */
	private static String name(String name) {
		String text = text(name);
		return AND.matcher(text).find() ? "{" + text + "}" : text;
	}

	/** Text that stays inside its field and compiles: see the class comment. */
	static String text(String value) {
		String flat = Text.unwrap(value);
		boolean[] paired = pairedBraces(flat);
		StringBuilder text = new StringBuilder(flat.length() + 16);
		for (int i = 0; i < flat.length(); i++) {
			char c = flat.charAt(i);
			if ((c == '{' || c == '}') && !paired[i]) {
				// an escaped brace keeps its backslash, which now starts the command
				text.append(escaped(flat, i) ? "" : "\\").append((c == '{') ? "textbraceleft{}" : "textbraceright{}");
			}
			else if ((c == '%' || c == '&' || c == '#') && !escaped(flat, i)) {
				text.append('\\').append(c);
			}
			else if (Character.isISOControl(c)) {
				text.append(' ');
			}
			else {
				text.append(c);
			}
		}
		if (escaped(flat, flat.length())) {
			// a last backslash would escape the brace that closes the field: make it a control space
			text.append(' ');
		}
		return text.toString();
	}

	/**
	 * Which braces have a partner. BibTeX counts every brace, escaped or not, while LaTeX reads a
	 * brace after a backslash as a brace to print: an escaped brace pairs only with an escaped one and a plain
	 * brace with a plain one, so the field is balanced for both. A brace without a partner has to
	 * go (BibTeX knows no escape for it).
	 */
	private static boolean[] pairedBraces(String text) {
		boolean[] paired = new boolean[text.length()];
		List<Integer> openPlain = new ArrayList<>();
		List<Integer> openEscaped = new ArrayList<>();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			List<Integer> open = escaped(text, i) ? openEscaped : openPlain;
			if (c == '{') {
				open.add(i);
			}
			else if (c == '}' && !open.isEmpty()) {
				paired[open.remove(open.size() - 1)] = true;
				paired[i] = true;
			}
		}
		return paired;
	}

	/** Whether the character at {@code i} follows an odd number of backslashes. */
	private static boolean escaped(String text, int i) {
		int backslashes = 0;
		for (int j = i - 1; j >= 0 && text.charAt(j) == '\\'; j--) {
			backslashes++;
		}
		return backslashes % 2 == 1;
	}

	private static String lastWord(String name) {
		String[] words = Text.unwrap(name).split(" ");
		return words[words.length - 1];
	}

	/** The first run of letters and digits: {@code "$\\alpha$-Ångström"} gives {@code "alpha"}. */
	private static String firstWord(String title) {
		for (String word : NOT_KEY.split(folded(title))) {
			if (!word.isEmpty()) {
				return word;
			}
		}
		return "";
	}

	/** Letters and digits, accents taken off, lower case: {@code "Ångström"} is {@code "angstrom"}. */
	private static String ascii(String text) {
		return NOT_KEY.matcher(folded(text)).replaceAll("");
	}

	private static String folded(String text) {
		return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("").toLowerCase(Locale.ROOT);
	}

}
