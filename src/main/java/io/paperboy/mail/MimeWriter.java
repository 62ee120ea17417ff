package io.paperboy.mail;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Writes a {@link MailMessage} as the MIME message that goes on the wire: a text/plain part alone,
 * or multipart/alternative with the text part first and the HTML part last (mail programs show the
 * last part they can), both UTF-8, the HTML written in ASCII ({@link AsciiHtml}) so that it goes as
 * 7bit; the body written once as the bytes that go on the wire ({@link WrittenMessage}); signed when
 * a DKIM key is configured, and sent with the bounce address as envelope sender.
 */
class MimeWriter {

	private final Session session;

	private final InternetAddress from;

	private final String bounceAddress;

	private final DkimKey dkim;

	private final Clock clock;

	/**
	 * @param session the session of the relay the messages go to
	 * @param dkim the signing key, or {@code null} to write unsigned messages
	 * @throws IllegalStateException when {@code paperboy.mail.from} or {@code .bounce-address} is
	 * not a mail address
	 */
	MimeWriter(Session session, MailProperties properties, DkimKey dkim, Clock clock) {
		this.session = session;
		this.from = address(properties.from(), "paperboy.mail.from");
		if (properties.bounceAddress() != null) {
			address(properties.bounceAddress(), "paperboy.mail.bounce-address");
		}
		this.bounceAddress = properties.bounceAddress();
		this.dkim = dkim;
		this.clock = clock;
	}

	private static InternetAddress address(String address, String property) {
		try {
			return new InternetAddress(address, true);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(property + " is not a mail address: " + address, ex);
		}
	}

	/**
	 * The message as MIME, its body encoded and signed.
	 * @throws MessagingException when it cannot be written (a recipient that is not an address, or
	 * needs SMTPUTF8): trying again cannot help
	 */
	MimeMessage write(MailMessage message) throws MessagingException {
		WrittenMessage mime = WrittenMessage.create(this.session);
		mime.setFrom(this.from);
		mime.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient(message.to()), true));
		mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
		Instant now = this.clock.instant();
		mime.setSentDate(Date.from(now));
		for (var header : message.headers().entrySet()) {
			mime.setHeader(header.getKey(), header.getValue());
		}
		// the body is encoded now, once, so that what is signed is what goes on the wire
		if (message.parts() != null) {
			mime.body(message.parts().textPart(), message.parts().htmlPart());
		}
		else {
			mime.body(message.text(), message.html());
		}
		if (this.dkim != null) {
			mime.sign(this.dkim, now);
		}
		if (this.bounceAddress != null) {
			mime.setEnvelopeFrom(this.bounceAddress);
		}
		return mime;
	}

	/**
	 * The recipient as the relay must see it: the domain in ASCII. An address kept before Paperboy
	 * checked them ({@link MailAddress}) may still need this; one that cannot go without SMTPUTF8
	 * fails for good here rather than going out garbled.
	 */
	private static String recipient(String to) throws AddressException {
		try {
			return MailAddress.ascii(to.strip());
		}
		catch (InvalidMailAddressException ex) {
			throw new AddressException(ex.getMessage(), to);
		}
	}

}
