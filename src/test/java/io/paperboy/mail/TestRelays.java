package io.paperboy.mail;

import java.time.Clock;
import java.util.Properties;

import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Mailers over real SMTP to a local test relay, put together as {@link MailConfiguration} does. */
final class TestRelays {

	static final String FROM = "Paperboy Papers <papers@papers.example.org>";

	private TestRelays() {
	}

	static JavaMailSenderImpl sender(int port) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(port);
		Properties session = new Properties();
		session.put("mail.smtp.connectiontimeout", "2000");
		session.put("mail.smtp.timeout", "5000");
		sender.setJavaMailProperties(session);
		return sender;
	}

	static Mailer mailer(int port) {
		return mailer(port, new MailProperties(FROM, null, null, null, null), null);
	}

	static Mailer mailer(int port, MailProperties properties, DkimKey dkim) {
		return mailer(sender(port), properties, dkim);
	}

	static Mailer mailer(JavaMailSenderImpl sender, MailProperties properties, DkimKey dkim) {
		return new Mailer(new SmtpDelivery(sender, properties, dkim, Clock.systemUTC()),
				new OutgoingHeaders("papers.example.org", properties.listId()));
	}

	static MailMessage digestTo(String to) {
		return new MailMessage(to, "Your papers of the week", "Seven papers you may like.", null, null,
				MailMessage.Kind.BULK);
	}

}
