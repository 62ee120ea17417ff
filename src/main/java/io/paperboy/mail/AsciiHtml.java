package io.paperboy.mail;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * HTML written in ASCII only: every character outside ASCII becomes a numeric character reference
 * ({@code —} becomes {@code &#x2014;}, an emoji one reference for its code point), which a mail
 * program shows as the character itself.
 * <p>
 * Why: a part with a single non-ASCII character is sent quoted-printable, and Angus Mail writes
 * quoted-printable one byte at a time, turning every {@code =} of the markup into {@code =3D}. A part
 * in ASCII with lines of at most 998 octets is sent as {@code 7bit}: written as it is, smaller, and
 * needing no 8BITMIME from the relay.
 * <p>
 * References are not decoded inside {@code <style>} and {@code <script>} (the HTML parser reads
 * their text raw), so HTML with a non-ASCII character there is returned unchanged and goes
 * quoted-printable as before; so is HTML with a C1 control character (U+0080 to U+009F), whose
 * reference a browser reads as a Windows-1252 character instead. What the templates escaped
 * ({@code &amp;}, {@code &lt;}) is ASCII already and stays as it is.
 */
final class AsciiHtml {

	/** The elements whose text the HTML parser takes raw, without decoding references. */
	private static final String[] RAW_TEXT_ELEMENTS = { "style", "script" };

	private static final byte[] HEX_DIGITS = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

	private AsciiHtml() {
	}

	/**
	 * @param html the HTML as the templates wrote it
	 * @return the same HTML in ASCII only, or {@code html} itself when it is ASCII already, has a
	 * non-ASCII character inside a raw-text element, or has a C1 control character
	 */
	static String of(String html) {
		byte[] ascii = bytes(html);
		if (ascii == null || ascii.length == html.length()) {
			// unchanged: left as it is, or ASCII already
			return html;
		}
		return new String(ascii, StandardCharsets.US_ASCII);
	}

	/**
	 * The same, as the bytes of the part: the UTF-8 bytes, with each run of ASCII copied as it is and
	 * each other character replaced by its reference.
	 * @return the HTML in ASCII, or {@code null} when it has a non-ASCII character inside a raw-text
	 * element or a C1 control character, and must go as it is
	 */
	static byte[] bytes(String html) {
		if (hasNonAsciiRawText(html)) {
			return null;
		}
		return references(html);
	}

	/**
	 * Whether a piece of HTML converts on its own as it would within the whole ({@link HtmlPart}):
	 * every {@code <style>} or {@code <script>} it opens it also closes, with ASCII only between;
	 * it does not end within a tag's name (which the next piece would finish); and it neither
	 * starts nor ends within a surrogate pair.
	 */
	static boolean convertsAlone(String piece) {
		if (piece.isEmpty()) {
			return true;
		}
		if (Character.isLowSurrogate(piece.charAt(0)) || Character.isHighSurrogate(piece.charAt(piece.length() - 1))) {
			return false;
		}
		int lastTag = piece.lastIndexOf('<');
		if (lastTag >= 0) {
			int at = lastTag + 1;
			while (at < piece.length() && (Character.isLetterOrDigit(piece.charAt(at)) || piece.charAt(at) == '/')) {
				at++;
			}
			if (at == piece.length()) {
				return false;
			}
		}
		for (int at = piece.indexOf('<'); at >= 0 && at + 1 < piece.length(); at = piece.indexOf('<', at + 1)) {
			String element = rawTextElementAt(piece, at + 1);
			if (element != null) {
				int end = endTag(piece, at + 1 + element.length(), element);
				if (end == piece.length()) {
					return false;
				}
				for (int i = at; i < end; i++) {
					if (piece.charAt(i) > 0x7F) {
						return false;
					}
				}
				at = Math.max(at, end - 1);
			}
		}
		return true;
	}

	/**
	 * The UTF-8 bytes of the HTML with each character outside ASCII replaced by its reference,
	 * whatever element it is in, or {@code null} when it holds a C1 control character.
	 */
	static byte[] references(String html) {
		byte[] utf8 = html.getBytes(StandardCharsets.UTF_8);
		// most characters are ASCII: room for the markup and some references
		byte[] ascii = new byte[utf8.length + utf8.length / 8 + 16];
		int written = 0;
		int at = 0;
		while (at < utf8.length) {
			int run = at;
			while (run < utf8.length && utf8[run] >= 0) {
				run++;
			}
			ascii = room(ascii, written, run - at);
			System.arraycopy(utf8, at, ascii, written, run - at);
			written += run - at;
			if (run == utf8.length) {
				break;
			}
			// a character of two to four bytes; Java's UTF-8 is well formed (lone surrogates become '?')
			int lead = utf8[run] & 0xFF;
			int length = (lead >= 0xF0) ? 4 : (lead >= 0xE0) ? 3 : 2;
			int codePoint = lead & (0x3F >> (length - 1));
			for (int i = 1; i < length; i++) {
				codePoint = (codePoint << 6) | (utf8[run + i] & 0x3F);
			}
			if (codePoint <= 0x9F) {
				// a reference to a C1 control means a Windows-1252 character to a browser (&#x80; is €)
				return null;
			}
			ascii = room(ascii, written, 10);
			written = appendReference(ascii, written, codePoint);
			at = run + length;
		}
		return Arrays.copyOf(ascii, written);
	}

	/** Whether a {@code <style>} or {@code <script>} element holds a character outside ASCII. */
	private static boolean hasNonAsciiRawText(String html) {
		for (int at = html.indexOf('<'); at >= 0 && at + 1 < html.length(); at = html.indexOf('<', at + 1)) {
			// only <style> and <script> start with an s: other tags are passed over at once
			if ((html.charAt(at + 1) | 0x20) != 's') {
				continue;
			}
			String element = rawTextElementAt(html, at + 1);
			if (element != null) {
				int end = endTag(html, at + 1 + element.length(), element);
				for (int i = at; i < end; i++) {
					if (html.charAt(i) > 0x7F) {
						return true;
					}
				}
				at = Math.max(at, end - 1);
			}
		}
		return false;
	}

	private static byte[] room(byte[] bytes, int used, int more) {
		return (used + more <= bytes.length) ? bytes : Arrays.copyOf(bytes, Math.max(bytes.length * 2, used + more));
	}

	/** {@code &#x2014;}: hexadecimal, as short as the code point allows. */
	private static int appendReference(byte[] ascii, int at, int codePoint) {
		ascii[at++] = '&';
		ascii[at++] = '#';
		ascii[at++] = 'x';
		for (int shift = (31 - Integer.numberOfLeadingZeros(codePoint)) & ~3; shift >= 0; shift -= 4) {
			ascii[at++] = HEX_DIGITS[(codePoint >>> shift) & 0xF];
		}
		ascii[at++] = ';';
		return at;
	}

	/** The raw-text element whose start tag's name begins at {@code at}, in any case, or {@code null}. */
	private static String rawTextElementAt(String html, int at) {
		for (String element : RAW_TEXT_ELEMENTS) {
			if (html.regionMatches(true, at, element, 0, element.length()) && endsName(html, at + element.length())) {
				return element;
			}
		}
		return null;
	}

	/** Where the raw text that starts at {@code from} ends: at its end tag {@code </element}, or at the end. */
	private static int endTag(String html, int from, String element) {
		for (int at = html.indexOf("</", from); at >= 0; at = html.indexOf("</", at + 2)) {
			if (html.regionMatches(true, at + 2, element, 0, element.length()) && endsName(html, at + 2 + element.length())) {
				return at;
			}
		}
		return html.length();
	}

	/** Whether a tag name ends at {@code at}: so {@code <styles>} or {@code <scripted>} is not taken for one. */
	private static boolean endsName(String html, int at) {
		if (at >= html.length()) {
			return true;
		}
		char c = html.charAt(at);
		return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
	}

}
