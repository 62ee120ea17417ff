package io.paperboy.mail;

import java.nio.charset.StandardCharsets;
import java.util.Date;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

/** Delivery to the SMTP server Spring Boot is configured with ({@code spring.mail.*}). */
class SmtpDelivery implements MailDelivery {

	private final JavaMailSender sender;

	private final MailProperties properties;

	SmtpDelivery(JavaMailSender sender, MailProperties properties) {
		this.sender = sender;
		this.properties = properties;
	}

	@Override
	public void deliver(MailMessage message) {
		MimeMessage mime;
		try {
			mime = mime(message);
		}
		catch (MessagingException ex) {
			throw new MailFailure("Could not write the message to " + message.to() + ": " + ex.getMessage(), true, ex);
		}
		try {
			this.sender.send(mime);
		}
		catch (MailAuthenticationException ex) {
			throw new MailFailure("The mail server refused our credentials: " + ex.getMessage(), false, ex);
		}
		catch (MailSendException ex) {
			throw new MailFailure("The mail server did not take the message to " + message.to() + ": "
					+ ex.getMessage(), refusedForGood(ex), ex);
		}
		catch (MailException ex) {
			throw new MailFailure("Could not reach the mail server: " + ex.getMessage(), false, ex);
		}
	}

	/**
	 * The message as MIME: a text/plain part alone, or multipart/alternative with the text part
	 * first and the HTML part last (mail programs show the last part they can), both UTF-8.
	 */
	MimeMessage mime(MailMessage message) throws MessagingException {
		MimeMessage mime = this.sender.createMimeMessage();
		mime.setFrom(new InternetAddress(this.properties.from(), true));
		mime.setRecipient(Message.RecipientType.TO, new InternetAddress(message.to(), true));
		mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
		mime.setSentDate(new Date());
		if (message.html() == null) {
			mime.setText(message.text(), StandardCharsets.UTF_8.name());
		}
		else {
			MimeBodyPart text = new MimeBodyPart();
			text.setText(message.text(), StandardCharsets.UTF_8.name());
			MimeBodyPart html = new MimeBodyPart();
			html.setText(message.html(), StandardCharsets.UTF_8.name(), "html");
			mime.setContent(new MimeMultipart("alternative", text, html));
		}
		for (var header : message.headers().entrySet()) {
			mime.setHeader(header.getKey(), header.getValue());
		}
		return mime;
	}

	/**
	 * A 5xx reply to the message or a recipient: sending it again would be refused again. The SMTP
	 * reply is the start of the message of the exception Angus Mail throws for it ("550 5.1.1 ...").
	 */
	private static boolean refusedForGood(MailSendException ex) {
		for (Exception failure : ex.getFailedMessages().values()) {
			for (Throwable next = failure; next != null; next = next.getCause()) {
				if (next.getMessage() != null && next.getMessage().strip().matches("(?s)^5\\d\\d\\b.*")) {
					return true;
				}
			}
		}
		return false;
	}

}
