package io.paperboy.mail;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Quoted-printable (RFC 2045, section 6.7) for text: line breaks stay line breaks (CRLF), printable
 * ASCII but {@code =} stays as it is, a space or tab stays unless it ends a line, everything else
 * becomes {@code =XX}, and no line is longer than {@value #LONGEST_LINE} characters (soft breaks,
 * {@code =} at the end of a line, where needed). Angus Mail's encoder writes through a chain of
 * streams one byte at a time; this one encodes a whole part in one pass over an array.
 */
final class QuotedPrintable {

	/** The longest encoded line, a soft break's {@code =} included. */
	static final int LONGEST_LINE = 76;

	private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

	private QuotedPrintable() {
	}

	/**
	 * @param text the text's bytes, lines ending in LF (a CR before an LF is dropped)
	 * @return the text encoded, lines ending in CRLF
	 */
	static byte[] encode(byte[] text) {
		// at most three bytes for each byte, and a soft break (three more) for every 73 written
		byte[] encoded = new byte[text.length * 4 + 16];
		int at = 0;
		int column = 0;
		for (int i = 0; i < text.length; i++) {
			int b = text[i] & 0xFF;
			if (b >= 33 && b <= 126 && b != '=' && column < LONGEST_LINE - 1) {
				// the common case: printable, and room for it and a soft break after it
				encoded[at++] = (byte) b;
				column++;
				continue;
			}
			if (b == '\r' && i + 1 < text.length && text[i + 1] == '\n') {
				continue;
			}
			if (b == '\n') {
				encoded[at++] = '\r';
				encoded[at++] = '\n';
				column = 0;
				continue;
			}
			boolean endsLine = i + 1 == text.length || text[i + 1] == '\n' || text[i + 1] == '\r';
			boolean literal = (b >= 33 && b <= 126 && b != '=') || ((b == ' ' || b == '\t') && !endsLine);
			int width = literal ? 1 : 3;
			// room for the character and, unless the line ends after it, a soft break's "="
			if (column + width > (endsLine ? LONGEST_LINE : LONGEST_LINE - 1)) {
				encoded[at++] = '=';
				encoded[at++] = '\r';
				encoded[at++] = '\n';
				column = 0;
			}
			if (literal) {
				encoded[at++] = (byte) b;
			}
			else {
				encoded[at++] = '=';
				encoded[at++] = HEX[b >> 4];
				encoded[at++] = HEX[b & 0xF];
			}
			column += width;
		}
		return Arrays.copyOf(encoded, at);
	}

}
