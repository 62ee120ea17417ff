package io.paperboy.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * analysed once: Lucene's {@code Highlighter} built an index of each text in memory and ran the
 * query's spans over it, two thirds of a search's time under load (docs/search.md).
 */
final class Highlighting {

	private final Analyzer analyzer;

	Highlighting(Analyzer analyzer) {
		this.analyzer = analyzer;
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
			List<Token> tokens = tokens(field, text);
			if (!wanted.mark(tokens)) {
				return HighlightSegment.plain(text);
			}
			return segments(text, tokens, 0, text.length());
		}

		/**
		 * The passage of at most {@code length} characters, from word to word, with the most different
		 * matched words, then the most matches, marked; it starts at the beginning of the text, of a
		 * sentence or at a matched word, the earliest of equally good passages. The start of the text
		 * when nothing matched.
		 */
		List<HighlightSegment> excerpt(String field, String text, int length) {
			Wanted wanted = wanted(field);
			List<Token> tokens = wanted.isEmpty() ? List.of() : tokens(field, text);
			if (tokens.isEmpty() || !wanted.mark(tokens)) {
				return HighlightSegment.plain(io.paperboy.catalog.Text.excerpt(text, length));
			}
			List<Integer> marked = new ArrayList<>();
			for (int i = 0; i < tokens.size(); i++) {
				if (tokens.get(i).marked()) {
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
				Token start = tokens.get(first);
				if (first > 0 && !start.marked() && !startsSentence(text, start.start())) {
					continue;
				}
				last = Math.max(last, first);
				while (last + 1 < tokens.size() && tokens.get(last + 1).end() - start.start() <= length) {
					last++;
				}
				while (firstMatch < marked.size() && marked.get(firstMatch) < first) {
					firstMatch++;
				}
				different.clear();
				int matches = 0;
				for (int m = firstMatch; m < marked.size() && marked.get(m) <= last; m++) {
					String term = tokens.get(marked.get(m)).term();
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
			return segments(text, tokens.subList(bestFirst, bestLast + 1), tokens.get(bestFirst).start(),
					tokens.get(bestLast).end());
		}

		private Wanted wanted(String field) {
			return this.fields.computeIfAbsent(field, (name) -> Wanted.of(this.query, name));
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

	/** The text's tokens as the index saw them: term, position and where they stand in the text. */
	private List<Token> tokens(String field, String text) {
		List<Token> tokens = new ArrayList<>();
		try (TokenStream stream = this.analyzer.tokenStream(field, text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
			PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
			stream.reset();
			int position = -1;
			while (stream.incrementToken()) {
				position += increment.getPositionIncrement();
				tokens.add(new Token(term.toString(), position, offset.startOffset(), offset.endOffset()));
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return tokens;
	}

	/**
	 * The text from {@code from} to {@code to} as segments, the marked tokens highlighted; marked words
	 * separated by one space make one highlight ("Language Models").
	 */
	private static List<HighlightSegment> segments(String text, List<Token> tokens, int from, int to) {
		List<HighlightSegment> segments = new ArrayList<>();
		int plainFrom = from;
		int markFrom = -1;
		int markTo = -1;
		for (Token token : tokens) {
			if (!token.marked()) {
				continue;
			}
			if (markFrom >= 0 && token.start() == markTo + 1 && text.charAt(markTo) == ' ') {
				markTo = token.end();
				continue;
			}
			if (markFrom >= 0) {
				segments.add(HighlightSegment.highlight(text.substring(markFrom, markTo)));
				plainFrom = markTo;
			}
			if (token.start() > plainFrom) {
				segments.add(HighlightSegment.text(text.substring(plainFrom, token.start())));
			}
			markFrom = token.start();
			markTo = token.end();
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

	/** A token of a text, and whether it is marked. */
	private static final class Token {

		private final String term;

		private final int position;

		private final int start;

		private final int end;

		private boolean marked;

		Token(String term, int position, int start, int end) {
			this.term = term;
			this.position = position;
			this.start = start;
			this.end = end;
		}

		String term() {
			return this.term;
		}

		int start() {
			return this.start;
		}

		int end() {
			return this.end;
		}

		boolean marked() {
			return this.marked;
		}

	}

	/**
	 * What a query looks for in one field: words marked wherever they stand, and exact phrases, marked
	 * only where their words stand together (at the phrase's relative positions). A sloppy phrase adds
	 * its words (the query compiler pairs each with the words themselves anyway); prohibited clauses
	 * add nothing.
	 */
	private record Wanted(Set<String> words, List<Phrase> phrases) {

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
			return new Wanted(words, phrases);
		}

		boolean isEmpty() {
			return this.words.isEmpty() && this.phrases.isEmpty();
		}

		/** Marks the tokens wanted; whether any was. */
		boolean mark(List<Token> tokens) {
			boolean any = false;
			for (Token token : tokens) {
				if (this.words.contains(token.term)) {
					token.marked = true;
					any = true;
				}
			}
			if (this.phrases.isEmpty()) {
				return any;
			}
			Map<Integer, Token> byPosition = new HashMap<>();
			for (Token token : tokens) {
				byPosition.putIfAbsent(token.position, token);
			}
			for (Phrase phrase : this.phrases) {
				for (Token token : tokens) {
					if (!token.term.equals(phrase.terms().get(0))) {
						continue;
					}
					List<Token> together = new ArrayList<>();
					int base = token.position - phrase.positions()[0];
					for (int i = 0; i < phrase.terms().size(); i++) {
						Token at = byPosition.get(base + phrase.positions()[i]);
						if (at == null || !at.term.equals(phrase.terms().get(i))) {
							together = null;
							break;
						}
						together.add(at);
					}
					if (together != null) {
						together.forEach((at) -> at.marked = true);
						any = true;
					}
				}
			}
			return any;
		}

	}

	/** An exact phrase: its terms and their positions relative to each other. */
	private record Phrase(List<String> terms, int[] positions) {
	}

}
