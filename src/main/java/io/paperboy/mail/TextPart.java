package io.paperboy.mail;

import java.util.ArrayList;
import java.util.List;

/**
 * A message's text part written from pieces: lines of its own, and lines many messages share
 * ({@link #appendShared}), encoded once for all of them ({@link PartPieces}). Its bytes are those
 * of the whole text encoded at once: 7bit when it may go so, quoted-printable otherwise.
 */
public final class TextPart {

	private final PartPieces pieces;

	private final List<PartPieces.TextPiece> written = new ArrayList<>();

	private final StringBuilder own = new StringBuilder();

	TextPart(PartPieces pieces) {
		this.pieces = pieces;
	}

	/** Text of this message's own. */
	public TextPart append(CharSequence text) {
		this.own.append(text);
		return this;
	}

	/** Text of this message's own. */
	public TextPart append(char c) {
		this.own.append(c);
		return this;
	}

	/**
	 * Whole lines, each ending in a line break, that many messages hold: encoded once. After text
	 * that does not end a line they are this message's own, as the encodings go by lines.
	 */
	public TextPart appendShared(String lines) {
		if (!this.own.isEmpty() && this.own.charAt(this.own.length() - 1) != '\n') {
			this.own.append(lines);
			return this;
		}
		flush();
		this.written.add(this.pieces.keptText(lines));
		return this;
	}

	/** The text so far. */
	@Override
	public String toString() {
		StringBuilder text = new StringBuilder();
		this.written.forEach((piece) -> text.append(piece.source()));
		return text.append(this.own).toString();
	}

	/** The part, encoded. */
	WrittenMessage.Part part() {
		flush();
		boolean sevenBit = this.written.stream().allMatch(PartPieces.TextPiece::sevenBit);
		byte[][] encoded = new byte[this.written.size()][];
		int size = 0;
		for (int i = 0; i < encoded.length; i++) {
			encoded[i] = this.written.get(i).encoded(sevenBit);
			size += encoded[i].length;
		}
		byte[] bytes = new byte[size];
		int at = 0;
		for (byte[] piece : encoded) {
			System.arraycopy(piece, 0, bytes, at, piece.length);
			at += piece.length;
		}
		return new WrittenMessage.Part("plain", sevenBit ? "7bit" : "quoted-printable", bytes);
	}

	private void flush() {
		if (!this.own.isEmpty()) {
			this.written.add(PartPieces.TextPiece.own(this.own.toString()));
			this.own.setLength(0);
		}
	}

}
