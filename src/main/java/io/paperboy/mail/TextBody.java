package io.paperboy.mail;

import java.nio.charset.StandardCharsets;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.util.ByteArrayDataSource;

/**
 * Puts text into a message or a part as UTF-8 bytes, and says {@code 7bit} when the bytes allow it.
 * <p>
 * Why bytes rather than {@code setText}: Angus Mail writes a text it was given as a string through
 * a stream that passes it on one byte at a time, so every byte of every message took several calls;
 * bytes are copied in blocks. And a part that is ASCII with lines of at most 998 octets (RFC 5322)
 * is marked {@code 7bit} here, so it is not read once more just to choose its encoding. Other text
 * is left to Angus Mail, which chooses quoted-printable or Base64.
 */
final class TextBody {

	/** The longest line RFC 5322 allows, without its CRLF. */
	private static final int LONGEST_LINE = 998;

	private TextBody() {
	}

	/**
	 * @param part the message or body part
	 * @param text the text, lines ending in LF (sent as CRLF)
	 * @param subtype {@code plain} or {@code html}
	 */
	static void set(MimePart part, String text, String subtype) throws MessagingException {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		part.setDataHandler(new DataHandler(new ByteArrayDataSource(bytes, contentType(subtype))));
		part.setHeader("Content-Type", contentType(subtype));
		if (isSevenBit(bytes)) {
			part.setHeader("Content-Transfer-Encoding", "7bit");
		}
	}

	/**
	 * A body part of the text, written already: as it is when it may go {@code 7bit}, otherwise
	 * quoted-printable ({@link QuotedPrintable}). Jakarta Mail copies a part made from its bytes
	 * as they are.
	 * @param subtype {@code plain} or {@code html}
	 */
	static MimeBodyPart part(String text, String subtype) throws MessagingException {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		// line ends of a 7bit part are made CRLF as the part is sent, as for any part
		return isSevenBit(bytes) ? written(subtype, "7bit", bytes)
				: written(subtype, "quoted-printable", QuotedPrintable.encode(bytes));
	}

	/**
	 * An HTML part, in ASCII with character references ({@link AsciiHtml}) and {@code 7bit} when
	 * it can be, otherwise as {@link #part} writes any text.
	 */
	static MimeBodyPart html(String html) throws MessagingException {
		byte[] ascii = AsciiHtml.bytes(html);
		if (ascii == null || !isSevenBit(ascii)) {
			return part(html, "html");
		}
		return written("html", "7bit", ascii);
	}

	/** A part of encoded bytes, which Jakarta Mail writes out as they are. */
	private static MimeBodyPart written(String subtype, String encoding, byte[] encoded) throws MessagingException {
		InternetHeaders headers = new InternetHeaders();
		headers.setHeader("Content-Type", contentType(subtype));
		headers.setHeader("Content-Transfer-Encoding", encoding);
		return new MimeBodyPart(headers, encoded);
	}

	private static String contentType(String subtype) {
		return "text/" + subtype + "; charset=UTF-8";
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
