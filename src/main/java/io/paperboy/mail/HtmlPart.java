package io.paperboy.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import gg.jte.Content;
import gg.jte.html.HtmlTemplateOutput;
import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.StringOutput;

/**
 * A message's HTML part, written by a jte template into this output. The template's markup and the
 * values marked shared ({@link PartPieces#share}) are escaped, converted to ASCII and given CRLF
 * line ends once for all the messages that hold them; every other value is escaped exactly as jte
 * escapes it ({@link OwaspHtmlTemplateOutput}), for this message. Its bytes are those of the whole
 * HTML written as {@link WrittenMessage} writes it: in ASCII as 7bit when every piece converts
 * alone and no line is too long, and otherwise from the whole HTML, as before.
 */
public final class HtmlPart implements HtmlTemplateOutput {

	/** The longest line a 7bit part may hold (RFC 5322), without its line end. */
	private static final int LONGEST_LINE = 998;

	private final PartPieces pieces;

	private final List<PartPieces.HtmlPiece> written = new ArrayList<>();

	private final StringOutput scratch = new StringOutput();

	private final OwaspHtmlTemplateOutput escaper = new OwaspHtmlTemplateOutput(this.scratch);

	private String tag;

	private String attribute;

	HtmlPart(PartPieces pieces) {
		this.pieces = pieces;
	}

	@Override
	public void setContext(String tagName, String attributeName) {
		this.tag = tagName;
		this.attribute = attributeName;
		this.escaper.setContext(tagName, attributeName);
	}

	/** The template's own markup: the same text in every message. */
	@Override
	public void writeContent(String value) {
		this.written.add(this.pieces.keptMarkup(value));
	}

	@Override
	public void writeContent(String value, int beginIndex, int endIndex) {
		this.written.add(PartPieces.HtmlPiece.of(value.substring(beginIndex, endIndex)));
	}

	@Override
	public void writeUserContent(String value) {
		if (value == null) {
			return;
		}
		PartPieces.HtmlPiece kept = this.pieces.keptValue(value, this.tag, this.attribute);
		if (kept != null) {
			this.written.add(kept);
		}
		else if (this.pieces.isShared(value)) {
			this.written.add(this.pieces.keepValue(value, this.tag, this.attribute,
					escaped((out) -> out.writeUserContent(value))));
		}
		else {
			own((out) -> out.writeUserContent(value));
		}
	}

	@Override
	public void writeUserContent(Content content) {
		own((out) -> out.writeUserContent(content));
	}

	@Override
	public void writeUnsafeContent(String value) {
		own((out) -> out.writeUnsafeContent(value));
	}

	@Override
	public void writeUserContent(boolean value) {
		own((out) -> out.writeUserContent(value));
	}

	@Override
	public void writeUserContent(byte value) {
		own((out) -> out.writeUserContent(value));
	}

	@Override
	public void writeUserContent(short value) {
		own((out) -> out.writeUserContent(value));
	}

	@Override
	public void writeUserContent(int value) {
		own((out) -> out.writeUserContent(value));
	}

	@Override
	public void writeUserContent(long value) {
		own((out) -> out.writeUserContent(value));
	}

	@Override
	public void writeUserContent(float value) {
		own((out) -> out.writeUserContent(value));
	}

	@Override
	public void writeUserContent(double value) {
		own((out) -> out.writeUserContent(value));
	}

	@Override
	public void writeUserContent(char value) {
		own((out) -> out.writeUserContent(value));
	}

	/** The HTML as the template wrote it. */
	@Override
	public String toString() {
		StringBuilder html = new StringBuilder();
		this.written.forEach((piece) -> html.append(piece.source()));
		return html.toString();
	}

	/** The part: its pieces' bytes one after the other, or the whole HTML written as before. */
	WrittenMessage.Part part() {
		int size = 0;
		int line = 0;
		for (PartPieces.HtmlPiece piece : this.written) {
			if (piece.wire() == null || piece.longest() > LONGEST_LINE) {
				return WrittenMessage.Part.html(toString());
			}
			line += piece.head();
			if (line > LONGEST_LINE) {
				return WrittenMessage.Part.html(toString());
			}
			if (piece.breaks()) {
				line = piece.tail();
			}
			size += piece.wire().length;
		}
		if (line > LONGEST_LINE) {
			return WrittenMessage.Part.html(toString());
		}
		byte[] bytes = new byte[size];
		int at = 0;
		for (PartPieces.HtmlPiece piece : this.written) {
			System.arraycopy(piece.wire(), 0, bytes, at, piece.wire().length);
			at += piece.wire().length;
		}
		return new WrittenMessage.Part("html", "7bit", bytes);
	}

	/** A value of this message's own, escaped as jte escapes it and converted for this message alone. */
	private void own(Consumer<HtmlTemplateOutput> write) {
		this.written.add(PartPieces.HtmlPiece.of(escaped(write)));
	}

	private String escaped(Consumer<HtmlTemplateOutput> write) {
		this.scratch.reset();
		write.accept(this.escaper);
		return this.scratch.toString();
	}

}
