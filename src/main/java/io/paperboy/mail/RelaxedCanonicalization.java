package io.paperboy.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/**
 * DKIM's "relaxed" canonicalization (RFC 6376, section 3.4), the one Paperboy's signatures use
 * because it survives the whitespace changes relays make.
 * <p>
 * The body is canonicalized and hashed in one pass over the bytes as they go on the wire, with no
 * line, string or regular expression made per line: at tens of kilobytes a digest, that pass is
 * most of what signing costs besides the RSA signature itself. A line ends at CRLF, and also at a
 * lone LF or CR, because the SMTP transport writes each of those as CRLF on the wire.
 */
final class RelaxedCanonicalization {

	private static final byte CR = '\r';

	private static final byte LF = '\n';

	private static final byte SPACE = ' ';

	private static final byte TAB = '\t';

	/** Bytes handed to the digest at a time. */
	private static final int CHUNK = 8192;

	private RelaxedCanonicalization() {
	}

	/**
	 * Feeds the canonical form of a body to a digest: each run of spaces and tabs one space, none at
	 * the end of a line, every line end CRLF, no empty line at the end, and a body that does not end
	 * with a line end given one. An empty body (or one of empty lines only) feeds nothing.
	 */
	static void digestBody(byte[] body, MessageDigest digest) {
		byte[] out = new byte[Math.min(CHUNK, 2 * body.length + 2) + 2];
		int length = 0;
		int emptyLines = 0;
		boolean space = false;
		boolean content = false;
		for (int i = 0; i < body.length; i++) {
			byte b = body[i];
			if (b == SPACE || b == TAB) {
				space = true;
			}
			else if (b == CR || b == LF) {
				if (b == CR && i + 1 < body.length && body[i + 1] == LF) {
					i++;
				}
				// trailing white space goes; an empty line waits until a line with content follows it
				if (content) {
					length = put(out, length, CR, digest);
					length = put(out, length, LF, digest);
				}
				else {
					emptyLines++;
				}
				space = false;
				content = false;
			}
			else {
				for (; emptyLines > 0; emptyLines--) {
					length = put(out, length, CR, digest);
					length = put(out, length, LF, digest);
				}
				if (space) {
					length = put(out, length, SPACE, digest);
					space = false;
				}
				length = put(out, length, b, digest);
				content = true;
			}
		}
		if (content) {
			length = put(out, length, CR, digest);
			length = put(out, length, LF, digest);
		}
		digest.update(out, 0, length);
	}

	private static int put(byte[] out, int length, byte b, MessageDigest digest) {
		if (length == out.length) {
			digest.update(out, 0, length);
			length = 0;
		}
		out[length] = b;
		return length + 1;
	}

	/**
	 * A header field as it is signed: the name in lower case, the value unfolded, each run of white
	 * space one space, none around the colon or at the end, and CRLF after it.
	 * @param line the field as it is written, {@code Name: value}, folded or not, without its final
	 * CRLF
	 */
	static String header(String line) {
		int colon = line.indexOf(':');
		if (colon < 0) {
			throw new IllegalArgumentException("Not a header field: " + line);
		}
		StringBuilder canonical = new StringBuilder(line.length() + 2);
		canonical.append(line.substring(0, colon).strip().toLowerCase(Locale.ROOT)).append(':');
		int start = canonical.length();
		boolean space = false;
		for (int i = colon + 1; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
				space = true;
			}
			else {
				if (space && canonical.length() > start) {
					canonical.append(' ');
				}
				space = false;
				canonical.append(c);
			}
		}
		return canonical.append("\r\n").toString();
	}

	/**
	 * {@link #header(String)} as the bytes a signature covers: one byte a character, as Jakarta Mail
	 * writes header lines (they are ASCII: addresses in ASCII, words beyond it encoded).
	 */
	static byte[] headerBytes(String line) {
		return header(line).getBytes(StandardCharsets.ISO_8859_1);
	}

}
