package io.paperboy.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeUtility;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * A message whose body is written once, as the bytes that go on the wire: every part encoded
 * already (7bit or quoted-printable), line ends CRLF, the multipart's boundaries in place. Jakarta
 * Mail sends such a message as it sends one it has read from a stream: its header lines, then these
 * bytes as they are, with no MIME objects made, walked and encoded again for every message. It
 * still reads as any MIME message ({@link #getContent()} parses the bytes), so a signature made
 * over it ({@link #sign}) covers what goes on the wire.
 * <p>
 * The headers stay Jakarta Mail's own (addresses, subject and date written as it writes them).
 */
final class WrittenMessage extends SMTPMessage {

	private static final byte[] CRLF = { '\r', '\n' };

	/** Makes each boundary unique within this process, as Jakarta Mail's own do. */
	private static final AtomicLong PARTS = new AtomicLong();

	/** The {@code DKIM-Signature} field, written before the others ({@link #sign}). */
	private String signature;

	private WrittenMessage(Session session) {
		super(session);
	}

	/**
	 * A message whose headers the caller sets next, then {@link #body(String, String)}.
	 */
	static WrittenMessage create(Session session) {
		return new WrittenMessage(session);
	}

	/**
	 * Sets the body: a text part alone, or multipart/alternative with the text part first and the
	 * HTML part last; the message's {@code MIME-Version}, {@code Content-Type} and
	 * {@code Content-Transfer-Encoding} with it. Headers set before are kept; the message is then
	 * written as it is.
	 * @param text the text, lines ending in LF
	 * @param html the HTML, or {@code null} for a text-only message
	 */
	void body(String text, String html) throws MessagingException {
		body(Part.text(text), (html != null) ? Part.html(html) : null);
	}

	/**
	 * The same, from parts encoded already ({@link WrittenParts}).
	 * @param htmlPart the HTML part, or {@code null} for a text-only message
	 */
	void body(Part textPart, Part htmlPart) throws MessagingException {
		setHeader("MIME-Version", "1.0");
		if (htmlPart == null) {
			setHeader("Content-Type", textPart.contentType());
			setHeader("Content-Transfer-Encoding", textPart.encoding());
			this.content = textPart.bytes();
		}
		else {
			String boundary = "----=_Part_" + PARTS.incrementAndGet() + "_"
					+ Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
			setHeader("Content-Type",
					MimeUtility.fold(14, "multipart/alternative; boundary=\"" + boundary + "\""));
			this.content = multipart(boundary, textPart, htmlPart);
		}
		updateMessageID();
		// written: sent as it is, not saved (and so written again) by Jakarta Mail
		this.modified = false;
		this.saved = true;
	}

	/**
	 * Jakarta Mail gives a message a fresh {@code Message-ID} of its own each time it is saved; this
	 * one keeps the ID Paperboy gave it, on our domain.
	 */
	@Override
	protected void updateMessageID() throws MessagingException {
		if (getHeader(OutgoingHeaders.MESSAGE_ID) == null) {
			super.updateMessageID();
		}
	}

	/**
	 * Signs the message as it now is (its headers and body final): the {@code DKIM-Signature} field
	 * is written first when the message is sent ({@link #writeTo(OutputStream, String[])}).
	 */
	void sign(DkimKey key, Instant now) throws MessagingException {
		List<String> lines = new ArrayList<>();
		for (Enumeration<String> all = getAllHeaderLines(); all.hasMoreElements();) {
			lines.add(all.nextElement());
		}
		this.signature = key.signatureField(lines, this.content, now);
	}

	/**
	 * The signature field first, as signers put theirs (a relay adds its own fields above), then the
	 * message as Jakarta Mail writes it.
	 */
	@Override
	public void writeTo(OutputStream out, String[] ignoreList) throws IOException, MessagingException {
		if (this.signature != null) {
			out.write(this.signature.getBytes(StandardCharsets.ISO_8859_1));
			out.write(CRLF);
		}
		super.writeTo(out, ignoreList);
	}

	/** The {@code DKIM-Signature} field, or {@code null} when the message is not signed. */
	String signature() {
		return this.signature;
	}

	/** The body's bytes, as they go on the wire (before the relay's dot-stuffing). */
	byte[] bodyBytes() {
		return this.content;
	}

	/** Each part after its boundary line, its headers and an empty line; the closing boundary last. */
	private static byte[] multipart(String boundary, Part... parts) {
		byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
		int size = delimiter.length + 4;
		for (Part part : parts) {
			size += delimiter.length + part.headers().length + part.bytes().length + 8;
		}
		byte[] body = new byte[size];
		int at = 0;
		for (Part part : parts) {
			at = put(body, at, delimiter);
			at = put(body, at, CRLF);
			at = put(body, at, part.headers());
			at = put(body, at, part.bytes());
			// the line end before a boundary belongs to the boundary
			at = put(body, at, CRLF);
		}
		at = put(body, at, delimiter);
		body[at++] = '-';
		body[at++] = '-';
		at = put(body, at, CRLF);
		return Arrays.copyOf(body, at);
	}

	private static int put(byte[] into, int at, byte[] bytes) {
		System.arraycopy(bytes, 0, into, at, bytes.length);
		return at + bytes.length;
	}

	/** A part: its encoded bytes, CRLF line ends, and its two headers. */
	record Part(String subtype, String encoding, byte[] bytes) {

		/** Text as it is when it may go {@code 7bit} ({@link TextBody#isSevenBit}), otherwise quoted-printable. */
		static Part text(String text) {
			return encoded("plain", text.getBytes(StandardCharsets.UTF_8));
		}

		/** HTML in ASCII with character references ({@link AsciiHtml}) when it can be, otherwise as text is. */
		static Part html(String html) {
			byte[] ascii = AsciiHtml.bytes(html);
			return (ascii != null && TextBody.isSevenBit(ascii)) ? new Part("html", "7bit", crlf(ascii))
					: encoded("html", html.getBytes(StandardCharsets.UTF_8));
		}

		private static Part encoded(String subtype, byte[] utf8) {
			return TextBody.isSevenBit(utf8) ? new Part(subtype, "7bit", crlf(utf8))
					: new Part(subtype, "quoted-printable", QuotedPrintable.encode(utf8));
		}

		String contentType() {
			return "text/" + this.subtype + "; charset=UTF-8";
		}

		byte[] headers() {
			return ("Content-Type: " + contentType() + "\r\nContent-Transfer-Encoding: " + this.encoding + "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII);
		}

	}

	/** 7bit bytes (no CR: {@link TextBody#isSevenBit}) with every LF made CRLF. */
	static byte[] crlf(byte[] lines) {
		int breaks = 0;
		for (byte b : lines) {
			if (b == '\n') {
				breaks++;
			}
		}
		if (breaks == 0) {
			return lines;
		}
		byte[] crlf = new byte[lines.length + breaks];
		int at = 0;
		int from = 0;
		for (int i = 0; i < lines.length; i++) {
			if (lines[i] == '\n') {
				System.arraycopy(lines, from, crlf, at, i - from);
				at += i - from;
				crlf[at++] = '\r';
				crlf[at++] = '\n';
				from = i + 1;
			}
		}
		System.arraycopy(lines, from, crlf, at, lines.length - from);
		return crlf;
	}

}
