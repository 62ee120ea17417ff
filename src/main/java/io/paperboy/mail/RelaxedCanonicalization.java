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

	private RelaxedCanonicalization() {
	}

	/**
	 * Feeds the canonical form of a body to a digest: each run of spaces and tabs one space, none at
	 * the end of a line, every line end CRLF, no empty line at the end, and a body that does not end
	 * with a line end given one. An empty body (or one of empty lines only) feeds nothing.
	 * <p>
	 * What is canonical already (words apart by one space, lines ending in CRLF: nearly all of a
	 * message Paperboy writes) goes to the digest straight from the body, as long runs, rather than a
	 * byte at a time.
	 */
	static void digestBody(byte[] body, MessageDigest digest) {
		new BodyDigest(body, digest).run();
	}

	/** One pass over a body: the bytes it hands on as they are, and those it writes in their place. */
	private static final class BodyDigest {

		private static final byte[] CRLF_BYTES = { CR, LF };

		private static final byte[] SPACE_BYTES = { SPACE };

		private final byte[] body;

		private final MessageDigest digest;

		/** The bytes of the body not yet handed on that go as they are: {@code [runStart, runEnd)}. */
		private int runStart;

		private int runEnd;

		BodyDigest(byte[] body, MessageDigest digest) {
			this.body = body;
			this.digest = digest;
		}

		void run() {
			int emptyLines = 0;
			// where the empty lines not yet handed on start, and whether each of them is a bare CRLF
			int emptyFrom = 0;
			boolean emptyAsTheyAre = true;
			int start = 0;
			while (start < this.body.length) {
				int end = start;
				while (end < this.body.length && this.body[end] != CR && this.body[end] != LF) {
					end++;
				}
				int next = end;
				boolean crlf = false;
				if (next < this.body.length) {
					crlf = this.body[next] == CR && next + 1 < this.body.length && this.body[next + 1] == LF;
					next += crlf ? 2 : 1;
				}
				int content = end;
				while (content > start && isSpace(this.body[content - 1])) {
					content--;
				}
				if (content == start) {
					// an empty line waits until a line with content follows it
					if (emptyLines == 0) {
						emptyFrom = start;
						emptyAsTheyAre = true;
					}
					emptyLines++;
					emptyAsTheyAre &= crlf && end == start;
				}
				else {
					if (emptyLines > 0) {
						if (emptyAsTheyAre) {
							take(emptyFrom, start);
						}
						else {
							for (; emptyLines > 0; emptyLines--) {
								write(CRLF_BYTES);
							}
						}
						emptyLines = 0;
					}
					line(start, content, end, crlf);
				}
				start = next;
			}
			flush();
		}

		/** A line with content: {@code [start, content)} then white space to {@code end}, then its line end. */
		private void line(int start, int content, int end, boolean crlf) {
			int from = start;
			int at = start;
			while (at < content) {
				if (!isSpace(this.body[at])) {
					at++;
					continue;
				}
				int spaces = at;
				while (isSpace(this.body[spaces])) {
					spaces++;
				}
				if (spaces - at > 1 || this.body[at] != SPACE) {
					take(from, at);
					write(SPACE_BYTES);
					from = spaces;
				}
				at = spaces;
			}
			if (content == end && crlf) {
				take(from, end + 2);
			}
			else {
				take(from, content);
				write(CRLF_BYTES);
			}
		}

		/** Hands on {@code [from, to)} of the body as it is, joined to the run before when it follows it. */
		private void take(int from, int to) {
			if (from == to) {
				return;
			}
			if (from != this.runEnd) {
				flush();
				this.runStart = from;
			}
			this.runEnd = to;
		}

		/** Hands on bytes that stand in for some of the body. */
		private void write(byte[] bytes) {
			flush();
			this.digest.update(bytes);
		}

		private void flush() {
			if (this.runEnd > this.runStart) {
				this.digest.update(this.body, this.runStart, this.runEnd - this.runStart);
			}
			this.runStart = this.runEnd;
		}

	}

	private static boolean isSpace(byte b) {
		return b == SPACE || b == TAB;
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
