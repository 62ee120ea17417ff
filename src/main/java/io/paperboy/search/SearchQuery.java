package io.paperboy.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A query as a reader types it, split into clauses: plain words, {@code "phrases"}, {@code author:},
 * {@code title:}, {@code abstract:} and {@code category:} clauses, each negated by a leading
 * {@code -}. Parsing never fails: whatever is not understood is read as plain words (an unknown
 * field name, a quote left open, a lone {@code -}).
 *
 * @param clauses the clauses in the order typed
 */
record SearchQuery(List<Clause> clauses) {

	/** The fields a reader may name. */
	enum Field {

		/** Plain words and phrases: title, abstract and authors together. */
		ANY, TITLE, ABSTRACT, AUTHOR, CATEGORY,
		/** An arXiv id typed on its own ({@code 2401.00001}, {@code arXiv:2401.00001v2}): that paper. */
		ID;

		static Field named(String name) {
			return switch (name.toLowerCase(Locale.ROOT)) {
				case "title" -> TITLE;
				case "abstract", "summary" -> ABSTRACT;
				case "author", "authors" -> AUTHOR;
				case "category", "cat" -> CATEGORY;
				default -> null;
			};
		}

	}

	/**
	 * One clause.
	 * @param field where to look
	 * @param text the words, as typed (analysis happens later)
	 * @param phrase whether the words must come together in this order
	 * @param excluded whether matching papers are left out
	 */
	record Clause(Field field, String text, boolean phrase, boolean excluded) {
	}

	SearchQuery {
		clauses = List.copyOf(clauses);
	}

	static SearchQuery parse(String input) {
		List<Clause> clauses = new ArrayList<>();
		String text = (input != null) ? input.strip() : "";
		int i = 0;
		int n = text.length();
		while (i < n) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
				continue;
			}
			boolean excluded = false;
			int start = i;
			if (c == '-' && i + 1 < n && !Character.isWhitespace(text.charAt(i + 1))) {
				excluded = true;
				i++;
			}
			Field field = Field.ANY;
			int colon = fieldEnd(text, i);
			if (colon > 0) {
				Field named = Field.named(text.substring(i, colon));
				if (named != null && colon + 1 < n && !Character.isWhitespace(text.charAt(colon + 1))) {
					field = named;
					i = colon + 1;
				}
			}
			if (text.charAt(i) == '"') {
				int close = text.indexOf('"', i + 1);
				if (close > i + 1) {
					add(clauses, field, text.substring(i + 1, close), true, excluded);
					i = close + 1;
					continue;
				}
				if (close < 0) {
					// a quote left open: the rest is plain words
					add(clauses, Field.ANY, text.substring(start).replace("\"", " "), false, false);
					break;
				}
				i = close + 1;
				continue;
			}
			int end = i;
			while (end < n && !Character.isWhitespace(text.charAt(end))) {
				end++;
			}
			String word = text.substring(i, end);
			if (field == Field.ANY) {
				// an id is looked up, not read as words ("2401.00001" is no word of any abstract)
				var id = io.paperboy.catalog.ArxivId.tryParse(word);
				if (id.isPresent()) {
					add(clauses, Field.ID, id.get().id(), false, excluded);
					i = end;
					continue;
				}
			}
			add(clauses, field, word, false, excluded);
			i = end;
		}
		return new SearchQuery(clauses);
	}

	/** The end of a field name ({@code author} in {@code author:smith}) at {@code from}, or -1. */
	private static int fieldEnd(String text, int from) {
		int i = from;
		while (i < text.length() && Character.isLetter(text.charAt(i))) {
			i++;
		}
		return (i > from && i < text.length() && text.charAt(i) == ':') ? i : -1;
	}

	private static void add(List<Clause> clauses, Field field, String text, boolean phrase, boolean excluded) {
		String words = text.strip();
		if (!words.isEmpty()) {
			clauses.add(new Clause(field, words, phrase, excluded));
		}
	}

	boolean isEmpty() {
		return this.clauses.isEmpty();
	}

	/** The plain words of every clause that is not excluded: what semantic search embeds. */
	String positiveText() {
		return String.join(" ", this.clauses.stream()
			.filter((clause) -> !clause.excluded() && clause.field() != Field.CATEGORY && clause.field() != Field.ID)
			.map(Clause::text)
			.toList());
	}

	/**
	 * Whether only words can answer this query: it names a field ({@code author:}, {@code title:},
	 * {@code abstract:}, {@code category:}), quotes a phrase, or is an arXiv id. Such a query asks for
	 * an exact match; papers merely close in meaning would be papers it did not ask for.
	 */
	boolean answeredByWords() {
		return this.clauses.stream()
			.anyMatch((clause) -> !clause.excluded() && (clause.field() != Field.ANY || clause.phrase()));
	}

	/**
	 * What a search by meaning could be offered for when words find nothing: the words and phrases of
	 * the query, in the title, the abstract or anywhere, without quotes, fields, authors, categories,
	 * ids or exclusions. Empty when there are none (a name is not a meaning).
	 */
	String meaningText() {
		return String.join(" ", this.clauses.stream()
			.filter((clause) -> !clause.excluded() && (clause.field() == Field.ANY || clause.field() == Field.TITLE
					|| clause.field() == Field.ABSTRACT))
			.map((clause) -> plainTerms(clause.text()))
			.filter((text) -> !text.isBlank())
			.toList());
	}

	/** Every word of the query with its syntax dropped: the fallback when the clauses match nothing sensible. */
	static String plainTerms(String input) {
		return (input != null) ? input.replaceAll("[\"():*?~^\\[\\]{}\\\\/+!-]", " ").strip() : "";
	}

}
