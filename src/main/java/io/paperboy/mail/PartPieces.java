package io.paperboy.mail;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the messages of one batch of mail share, encoded once: the pieces of their text and HTML
 * parts that many of them hold (a digest run's papers, the template's own markup), each kept as
 * the bytes it becomes on the wire, so that a message's parts are mostly copied rather than
 * rendered, converted and encoded again ({@link TextPart}, {@link HtmlPart}). Made for a batch and
 * dropped after it; used by several threads at once.
 */
public final class PartPieces {

	private final Map<String, TextPiece> text = new ConcurrentHashMap<>();

	private final Map<String, HtmlPiece> markup = new ConcurrentHashMap<>();

	private final Map<HtmlKey, HtmlPiece> values = new ConcurrentHashMap<>();

	private final Set<String> shared = ConcurrentHashMap.newKeySet();

	/**
	 * Marks a value that many messages show (a paper's title, its summary): its escaped and encoded
	 * HTML is kept once it is written. Other values are encoded for each message and not kept.
	 */
	public void share(String value) {
		if (value != null) {
			this.shared.add(value);
		}
	}

	/** A new text part, written from these pieces. */
	public TextPart text() {
		return new TextPart(this);
	}

	/** A new HTML part, written by a template into this output. */
	public HtmlPart html() {
		return new HtmlPart(this);
	}

	// each piece is looked up before it is made: a miss is rare, and computeIfAbsent locks a bin of
	// the map even to find what is there, which the senders then wait on

	TextPiece keptText(String lines) {
		TextPiece kept = this.text.get(lines);
		return (kept != null) ? kept : this.text.computeIfAbsent(lines, TextPiece::of);
	}

	HtmlPiece keptMarkup(String markup) {
		HtmlPiece kept = this.markup.get(markup);
		return (kept != null) ? kept : this.markup.computeIfAbsent(markup, HtmlPiece::of);
	}

	boolean isShared(String value) {
		return this.shared.contains(value);
	}

	/** A shared value's piece in this context, or {@code null} when it was not written yet. */
	HtmlPiece keptValue(String value, String tag, String attribute) {
		return this.values.get(new HtmlKey(value, tag, attribute));
	}

	HtmlPiece keepValue(String value, String tag, String attribute, String escaped) {
		HtmlPiece piece = HtmlPiece.of(escaped);
		HtmlPiece kept = this.values.putIfAbsent(new HtmlKey(value, tag, attribute), piece);
		return (kept != null) ? kept : piece;
	}

	private record HtmlKey(String value, String tag, String attribute) {
	}

	/**
	 * Whole lines of a text part, in both encodings the part may take: a part is 7bit when every
	 * piece may go so, quoted-printable otherwise, and both encodings start afresh at a line break,
	 * so a part of whole-line pieces is its pieces' encodings one after the other. A message's own
	 * lines keep their UTF-8 and are encoded once the part's encoding is known.
	 */
	record TextPiece(String source, boolean sevenBit, byte[] crlf, byte[] quoted, byte[] utf8) {

		/** Lines many messages share: encoded both ways now. */
		static TextPiece of(String lines) {
			byte[] utf8 = lines.getBytes(StandardCharsets.UTF_8);
			boolean sevenBit = TextBody.isSevenBit(utf8);
			return new TextPiece(lines, sevenBit, sevenBit ? WrittenMessage.crlf(utf8) : null, QuotedPrintable.encode(utf8),
					null);
		}

		/** A message's own lines: encoded when the part's encoding is known. */
		static TextPiece own(String lines) {
			byte[] utf8 = lines.getBytes(StandardCharsets.UTF_8);
			return new TextPiece(lines, TextBody.isSevenBit(utf8), null, null, utf8);
		}

		byte[] encoded(boolean sevenBitPart) {
			if (sevenBitPart) {
				return (this.crlf != null) ? this.crlf : WrittenMessage.crlf(this.utf8);
			}
			return (this.quoted != null) ? this.quoted : QuotedPrintable.encode(this.utf8);
		}

	}

	/**
	 * A piece of HTML as the template wrote it, in ASCII with character references and CRLF line
	 * ends ({@link AsciiHtml}), with what {@link HtmlPart} needs to tell whether the whole part
	 * converts as its pieces do: whether it converts alone, and the lengths of its lines.
	 *
	 * @param source the HTML as written
	 * @param wire the bytes on the wire, or {@code null} when the piece does not convert alone
	 * @param head the characters before its first line break (all of them when it has none)
	 * @param tail the characters after its last line break
	 * @param longest the longest line between two of its breaks
	 * @param breaks whether it holds a line break
	 */
	record HtmlPiece(String source, byte[] wire, int head, int tail, int longest, boolean breaks) {

		static HtmlPiece of(String source) {
			byte[] ascii = AsciiHtml.convertsAlone(source) ? AsciiHtml.references(source) : null;
			if (ascii == null) {
				return new HtmlPiece(source, null, 0, 0, 0, false);
			}
			int head = -1;
			int line = 0;
			int longest = 0;
			for (byte b : ascii) {
				if (b == '\n') {
					if (head < 0) {
						head = line;
					}
					else {
						longest = Math.max(longest, line);
					}
					line = 0;
				}
				else if (b == 0 || b == '\r') {
					// not 7bit: the part goes as the whole would
					return new HtmlPiece(source, null, 0, 0, 0, false);
				}
				else {
					line++;
				}
			}
			boolean breaks = head >= 0;
			return new HtmlPiece(source, WrittenMessage.crlf(ascii), breaks ? head : line, breaks ? line : 0, longest,
					breaks);
		}

	}

}
