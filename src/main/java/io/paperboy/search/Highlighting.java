package io.paperboy.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.paperboy.HeapShare;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * Marks the words of a text that a query matched, field by field: the text is analysed as the index
 * analysed it, so "models" is marked for a search for "model". A word the query looks for anywhere is
 * marked wherever it stands; the words of an exact phrase ({@code "reward tampering"}) only where
 * they stand together; excluded words never. The result is a list of segments, never markup, so each
 * door escapes it its own way.
 * <p>
 * What a query marks is worked out once per query and field ({@link #marks}), and each text is
 * analysed once, and remembered for the next searches that show it: Lucene's {@code Highlighter}
 * built an index of each text in memory and ran the query's spans over it, two thirds of a search's
 * time under load (docs/search.md).
 */
final class Highlighting {

	/**
	 * Characters of analysed text remembered, about 4 bytes of memory each (the tokens, and the text
	 * itself once the paper shown has been read again): the titles and abstracts of the
	 * {@link RecentListings#KEPT_PAPERS}, about 1,460 characters a paper on Hugging Face's lists, with room
	 * to spare; about 72 MB at most.
	 */
	static final long REMEMBERED_CHARACTERS = RecentListings.KEPT_PAPERS * 1_500;

	private final Analyzer analyzer;

	/**
	 * Analyses of recent texts: a text's tokens do not depend on the query, and the same abstracts come
	 * back search after search (analysing them was the largest part of a search's time under load).
	 */
	private final Cache<Key, Analysis> analyses;

	Highlighting(Analyzer analyzer) {
		this(analyzer, HeapShare.of(REMEMBERED_CHARACTERS));
	}

	Highlighting(Analyzer analyzer, long rememberedCharacters) {
		this.analyzer = analyzer;
		this.analyses = Caffeine.newBuilder()
			.maximumWeight(rememberedCharacters)
			.<Key, Analysis>weigher((key, analysis) -> key.text().length())
			.executor(Runnable::run)
			.build();
	}

	/** What {@code query} marks, for the texts of one search. */
	Marks marks(Query query) {
		return new Marks(query);
	}

	/** The whole text, with the words {@code query} matched in {@code field} marked. */
	List<HighlightSegment> whole(Query query, String field, String text) {
		return marks(query).whole(field, text);
	}

	/**
	 * The passage of at most {@code length} characters with the most matched words, marked; the start
	 * of the text when nothing matched.
	 */
	List<HighlightSegment> excerpt(Query query, String field, String text, int length) {
		return marks(query).excerpt(field, text, length);
	}

	/** The words a query marks, field by field, worked out on first use of each field. */
	final class Marks {

		private final Query query;

		private final Map<String, Wanted> fields = new HashMap<>();

		private Marks(Query query) {
			this.query = query;
		}

		/** The whole text, with the words matched in {@code field} marked. */
		List<HighlightSegment> whole(String field, String text) {
			Wanted wanted = wanted(field);
			if (wanted.isEmpty()) {
				return HighlightSegment.plain(text);
			}
			Analysis tokens = analysis(field, text);
			boolean[] marked = wanted.mark(tokens);
			if (marked == null) {
				return HighlightSegment.plain(text);
			}
			return segments(text, tokens, marked, 0, tokens.size() - 1, 0, text.length());
		}

		/**
		 * The passage of at most {@code length} characters, from word to word, with the most different
		 * matched words, then the most matches, marked; it starts at the beginning of the text, of a
		 * sentence or at a matched word, the earliest of equally good passages. Where the text goes on
		 * before or after it, an ellipsis says so ("…" counted in the length). The start of the text
		 * when nothing matched.
		 */
		List<HighlightSegment> excerpt(String field, String text, int length) {
			Wanted wanted = wanted(field);
			Analysis tokens = wanted.isEmpty() ? Analysis.NONE : analysis(field, text);
			boolean[] marks = (tokens.size() == 0) ? null : wanted.mark(tokens);
			if (marks == null) {
				return HighlightSegment.plain(io.paperboy.catalog.Text.excerpt(text, length));
			}
			// room for an ellipsis before, and an ellipsis or two closing marks after (see cut)
			int room = (text.length() > length) ? length - 3 : length;
			List<Integer> marked = new ArrayList<>();
			for (int i = 0; i < tokens.size(); i++) {
				if (marks[i]) {
					marked.add(i);
				}
			}
			int bestFirst = 0;
			int bestLast = -1;
			int bestDifferent = -1;
			int bestMatches = -1;
			List<String> different = new ArrayList<>();
			// the passages' ends and first matches only move forward as their starts do
			int last = 0;
			int firstMatch = 0;
			for (int first = 0; first < tokens.size(); first++) {
				int start = tokens.start(first);
				if (first > 0 && !marks[first] && !startsSentence(text, start)) {
					continue;
				}
				last = Math.max(last, first);
				while (last + 1 < tokens.size() && tokens.end(last + 1) - start <= room) {
					last++;
				}
				while (firstMatch < marked.size() && marked.get(firstMatch) < first) {
					firstMatch++;
				}
				different.clear();
				int matches = 0;
				for (int m = firstMatch; m < marked.size() && marked.get(m) <= last; m++) {
					String term = tokens.term(marked.get(m));
					if (!different.contains(term)) {
						different.add(term);
					}
					matches++;
				}
				if (different.size() > bestDifferent || (different.size() == bestDifferent && matches > bestMatches)) {
					bestDifferent = different.size();
					bestMatches = matches;
					bestFirst = first;
					bestLast = last;
				}
			}
			return cut(text, segments(text, tokens, marks, bestFirst, bestLast, tokens.start(bestFirst), tokens.end(bestLast)),
					tokens.start(bestFirst), tokens.end(bestLast));
		}

		private Wanted wanted(String field) {
			return this.fields.computeIfAbsent(field, (name) -> Wanted.of(this.query, name));
		}

	}

	/**
	 * The passage from {@code from} to {@code to}, said to be part of a longer text: "…" where the text
	 * goes on before it or after it. What follows the passage's last word up to the end of the text,
	 * when it is only a closing mark or two ("." or ")."), is taken in instead.
	 */
	private static List<HighlightSegment> cut(String text, List<HighlightSegment> passage, int from, int to) {
		List<HighlightSegment> segments = new ArrayList<>(passage);
		String rest = text.substring(to);
		if (!rest.isBlank()) {
			String closing = rest.stripTrailing();
			boolean onlyMarks = closing.length() <= 2 && closing.codePoints().noneMatch(Character::isLetterOrDigit);
			append(segments, onlyMarks ? closing : "…");
		}
		if (!text.substring(0, from).isBlank()) {
			if (!segments.isEmpty() && !segments.get(0).isHighlight()) {
				segments.set(0, HighlightSegment.text("…" + segments.get(0).text()));
			}
			else {
				segments.add(0, HighlightSegment.text("…"));
			}
		}
		return segments;
	}

	private static void append(List<HighlightSegment> segments, String text) {
		int last = segments.size() - 1;
		if (last >= 0 && !segments.get(last).isHighlight()) {
			segments.set(last, HighlightSegment.text(segments.get(last).text() + text));
		}
		else {
			segments.add(HighlightSegment.text(text));
		}
	}

	/** Whether the word at {@code offset} begins a sentence: the last character before it ends one. */
	private static boolean startsSentence(String text, int offset) {
		int i = offset - 1;
		while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
			i--;
		}
		return i >= 0 && i < offset - 1 && (text.charAt(i) == '.' || text.charAt(i) == '!' || text.charAt(i) == '?');
	}

	/** The text's tokens as the index saw them, analysed once while the text is remembered. */
	private Analysis analysis(String field, String text) {
		return this.analyses.get(new Key(field, text), (key) -> analyse(field, text));
	}

	/** The text's tokens as the index saw them: term, position and where they stand in the text. */
	private Analysis analyse(String field, String text) {
		StringBuilder terms = new StringBuilder();
		int[] termEnds = new int[16];
		int[] positions = new int[16];
		int[] starts = new int[16];
		int[] ends = new int[16];
		int size = 0;
		try (TokenStream stream = this.analyzer.tokenStream(field, text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
			PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
			stream.reset();
			int position = -1;
			while (stream.incrementToken()) {
				position += increment.getPositionIncrement();
				if (size == termEnds.length) {
					termEnds = Arrays.copyOf(termEnds, size * 2);
					positions = Arrays.copyOf(positions, size * 2);
					starts = Arrays.copyOf(starts, size * 2);
					ends = Arrays.copyOf(ends, size * 2);
				}
				terms.append(term.buffer(), 0, term.length());
				termEnds[size] = terms.length();
				positions[size] = position;
				starts[size] = offset.startOffset();
				ends[size] = offset.endOffset();
				size++;
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Analysis(terms.toString(), Arrays.copyOf(termEnds, size), Arrays.copyOf(positions, size),
				Arrays.copyOf(starts, size), Arrays.copyOf(ends, size));
	}

	private record Key(String field, String text) {
	}

	/**
	 * The text from {@code from} to {@code to} as segments, the marked tokens highlighted; marked words
	 * separated by one space make one highlight ("Language Models").
	 */
	private static List<HighlightSegment> segments(String text, Analysis tokens, boolean[] marked, int firstToken,
			int lastToken, int from, int to) {
		List<HighlightSegment> segments = new ArrayList<>();
		int plainFrom = from;
		int markFrom = -1;
		int markTo = -1;
		for (int i = firstToken; i <= lastToken; i++) {
			if (!marked[i]) {
				continue;
			}
			int start = tokens.start(i);
			if (markFrom >= 0 && start == markTo + 1 && text.charAt(markTo) == ' ') {
				markTo = tokens.end(i);
				continue;
			}
			if (markFrom >= 0) {
				segments.add(HighlightSegment.highlight(text.substring(markFrom, markTo)));
				plainFrom = markTo;
			}
			if (start > plainFrom) {
				segments.add(HighlightSegment.text(text.substring(plainFrom, start)));
			}
			markFrom = start;
			markTo = tokens.end(i);
		}
		if (markFrom >= 0) {
			segments.add(HighlightSegment.highlight(text.substring(markFrom, markTo)));
			plainFrom = markTo;
		}
		if (to > plainFrom) {
			segments.add(HighlightSegment.text(text.substring(plainFrom, to)));
		}
		return segments;
	}

	/**
	 * A text's tokens, compactly: all terms in one string ({@code termEnds} says where each ends), and
	 * each token's position and the characters it stands on in the text.
	 */
	private record Analysis(String terms, int[] termEnds, int[] positions, int[] starts, int[] ends) {

		static final Analysis NONE = new Analysis("", new int[0], new int[0], new int[0], new int[0]);

		int size() {
			return this.termEnds.length;
		}

		String term(int i) {
			return this.terms.substring(termStart(i), this.termEnds[i]);
		}

		/** Whether token {@code i}'s term is {@code word}, without making a string of it. */
		boolean termIs(int i, String word) {
			int start = termStart(i);
			return this.termEnds[i] - start == word.length() && this.terms.startsWith(word, start);
		}

		private int termStart(int i) {
			return (i == 0) ? 0 : this.termEnds[i - 1];
		}

		int position(int i) {
			return this.positions[i];
		}

		int start(int i) {
			return this.starts[i];
		}

		int end(int i) {
			return this.ends[i];
		}

	}

	/**
	 * What a query looks for in one field: words marked wherever they stand, and exact phrases, marked
	 * only where their words stand together (at the phrase's relative positions). A sloppy phrase adds
	 * its words (the query compiler pairs each with the words themselves anyway); prohibited clauses
	 * add nothing.
	 */
	private record Wanted(String[] words, List<Phrase> phrases) {

		static Wanted of(Query query, String field) {
			Set<String> words = new HashSet<>();
			List<Phrase> phrases = new ArrayList<>();
			if (query != null) {
				query.visit(new QueryVisitor() {

					@Override
					public boolean acceptField(String name) {
						return field.equals(name);
					}

					@Override
					public void consumeTerms(Query source, Term... terms) {
						if (source instanceof PhraseQuery phrase && phrase.getSlop() == 0 && terms.length > 1) {
							List<String> texts = new ArrayList<>();
							for (Term term : phrase.getTerms()) {
								texts.add(term.text());
							}
							phrases.add(new Phrase(texts, phrase.getPositions()));
							return;
						}
						for (Term term : terms) {
							if (field.equals(term.field())) {
								words.add(term.text());
							}
						}
					}

					@Override
					public QueryVisitor getSubVisitor(Occur occur, Query parent) {
						return (occur == Occur.MUST_NOT) ? QueryVisitor.EMPTY_VISITOR : this;
					}
				});
			}
			// an array: every token of every text shown is compared with each word, and a set's iterator
			// made for each token cost more than the comparisons
			return new Wanted(words.toArray(String[]::new), phrases);
		}

		boolean isEmpty() {
			return this.words.length == 0 && this.phrases.isEmpty();
		}

		/** Which tokens are wanted, by index; {@code null} when none is. */
		boolean[] mark(Analysis tokens) {
			boolean[] marked = new boolean[tokens.size()];
			boolean any = false;
			for (int i = 0; i < tokens.size(); i++) {
				for (String word : this.words) {
					if (tokens.termIs(i, word)) {
						marked[i] = true;
						any = true;
						break;
					}
				}
			}
			if (this.phrases.isEmpty()) {
				return any ? marked : null;
			}
			Map<Integer, Integer> byPosition = new HashMap<>();
			for (int i = 0; i < tokens.size(); i++) {
				byPosition.putIfAbsent(tokens.position(i), i);
			}
			for (Phrase phrase : this.phrases) {
				for (int token = 0; token < tokens.size(); token++) {
					if (!tokens.termIs(token, phrase.terms().get(0))) {
						continue;
					}
					List<Integer> together = new ArrayList<>();
					int base = tokens.position(token) - phrase.positions()[0];
					for (int i = 0; i < phrase.terms().size(); i++) {
						Integer at = byPosition.get(base + phrase.positions()[i]);
						if (at == null || !tokens.termIs(at, phrase.terms().get(i))) {
							together = null;
							break;
						}
						together.add(at);
					}
					if (together != null) {
						together.forEach((at) -> marked[at] = true);
						any = true;
					}
				}
			}
			return any ? marked : null;
		}

	}

	/** An exact phrase: its terms and their positions relative to each other. */
	private record Phrase(List<String> terms, int[] positions) {
	}

}
