package io.paperboy.mail;

/**
 * Whether text may go as it is, {@code 7bit}: a part that is ASCII with lines of at most 998 octets
 * (RFC 5322) is written as it is ({@link WrittenMessage}); other text goes quoted-printable.
 */
final class TextBody {

	/** The longest line RFC 5322 allows, without its CRLF. */
	private static final int LONGEST_LINE = 998;

	private TextBody() {
	}

	/** ASCII without NUL or CR, and no line longer than {@value #LONGEST_LINE} octets. */
	static boolean isSevenBit(byte[] bytes) {
		int line = 0;
		for (byte b : bytes) {
			if (b == '\n') {
				line = 0;
				continue;
			}
			// negative: not ASCII
			if (b <= 0 || b == '\r' || ++line > LONGEST_LINE) {
				return false;
			}
		}
		return true;
	}

}
