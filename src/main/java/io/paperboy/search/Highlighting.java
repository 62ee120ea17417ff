package io.paperboy.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.NullFragmenter;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.search.highlight.SimpleSpanFragmenter;

/**
 * Marks the words of a text that a query matched, field by field, with Lucene's highlighter: the
 * text is analysed as the index analysed it, so "models" is marked for a search for "model". The
 * result is a list of segments, never markup, so each door escapes it its own way.
 */
final class Highlighting {

	/** Characters from Unicode's private use area: never in a title or abstract. */
	private static final String OPEN = "\uE000";

	private static final String CLOSE = "\uE001";

	private final Analyzer analyzer;

	Highlighting(Analyzer analyzer) {
		this.analyzer = analyzer;
	}

	/** The whole text, with the words {@code query} matched in {@code field} marked. */
	List<HighlightSegment> whole(Query query, String field, String text) {
		if (query == null) {
			return HighlightSegment.plain(text);
		}
		Highlighter highlighter = highlighter(query, field);
		highlighter.setTextFragmenter(new NullFragmenter());
		return highlight(highlighter, field, text, text);
	}

	/**
	 * The passage of about {@code length} characters with the most matches, marked; the start of the
	 * text when nothing matched.
	 */
	List<HighlightSegment> excerpt(Query query, String field, String text, int length) {
		String start = io.paperboy.catalog.Text.excerpt(text, length);
		if (query == null) {
			return HighlightSegment.plain(start);
		}
		QueryScorer scorer = new QueryScorer(query, field);
		Highlighter highlighter = new Highlighter(new SimpleHTMLFormatter(OPEN, CLOSE), scorer);
		highlighter.setTextFragmenter(new SimpleSpanFragmenter(scorer, length));
		List<HighlightSegment> segments = highlight(highlighter, field, text, start);
		return segments;
	}

	private Highlighter highlighter(Query query, String field) {
		return new Highlighter(new SimpleHTMLFormatter(OPEN, CLOSE), new QueryScorer(query, field));
	}

	private List<HighlightSegment> highlight(Highlighter highlighter, String field, String text, String otherwise) {
		try {
			String marked = highlighter.getBestFragment(this.analyzer, field, text);
			return (marked != null) ? segments(marked) : HighlightSegment.plain(otherwise);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InvalidTokenOffsetsException ex) {
			return HighlightSegment.plain(otherwise);
		}
	}

	/** Splits text marked with {@link #OPEN} and {@link #CLOSE}, joining adjacent marked words. */
	static List<HighlightSegment> segments(String marked) {
		String joined = marked.replace(CLOSE + " " + OPEN, " ");
		List<HighlightSegment> segments = new ArrayList<>();
		int i = 0;
		while (i < joined.length()) {
			int open = joined.indexOf(OPEN, i);
			if (open < 0) {
				segments.add(HighlightSegment.text(joined.substring(i)));
				break;
			}
			if (open > i) {
				segments.add(HighlightSegment.text(joined.substring(i, open)));
			}
			int close = joined.indexOf(CLOSE, open);
			if (close < 0) {
				close = joined.length();
			}
			segments.add(HighlightSegment.highlight(joined.substring(open + 1, close)));
			i = close + 1;
		}
		return segments;
	}

}
