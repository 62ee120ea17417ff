package io.paperboy.mail;

import java.net.URI;
import java.time.Clock;
import java.util.Properties;

import io.paperboy.web.SiteProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Picks the delivery: Spring Boot makes a {@link JavaMailSender} when {@code spring.mail.host} is
 * set; without one, mail stays in the development outbox, so a fresh install can sign in with no
 * mail server at all.
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

	@Bean
	MailDelivery mailDelivery(ObjectProvider<JavaMailSender> sender, MailProperties properties,
			DevMailRepository outbox, Clock clock) {
		JavaMailSender smtp = sender.getIfAvailable();
		if (smtp == null) {
			return new DevOutbox(outbox, clock);
		}
		return new SmtpDelivery(relay(smtp), properties, dkimKey(properties), clock);
	}

	/**
	 * The relay as Spring Boot makes it from {@code spring.mail.*}: a {@link JavaMailSenderImpl},
	 * whose connection Paperboy keeps open between batches. Another kind of sender (a bean of one's
	 * own) stops the start with a clear message rather than sending some other way unnoticed.
	 */
	static JavaMailSenderImpl relay(JavaMailSender sender) {
		if (!(sender instanceof JavaMailSenderImpl impl)) {
			throw new IllegalStateException("Paperboy sends mail through the JavaMailSenderImpl that Spring Boot makes "
					+ "from spring.mail.*, but the JavaMailSender bean is a " + sender.getClass().getName()
					+ "; remove that bean and set spring.mail.host (and .port, .username, .password) instead");
		}
		withoutNagle(impl);
		return impl;
	}

	/**
	 * Plain SMTP connections get {@code TCP_NODELAY} ({@link NoDelaySockets}), unless a socket
	 * factory is configured already. Implicit TLS ({@code smtps}) keeps its own factory.
	 */
	static void withoutNagle(JavaMailSenderImpl impl) {
		if (!"smtps".equals(impl.getProtocol())) {
			Properties mail = new Properties();
			mail.putAll(impl.getJavaMailProperties());
			if (!mail.containsKey("mail.smtp.socketFactory") && !mail.containsKey("mail.smtp.socketFactory.class")) {
				mail.put("mail.smtp.socketFactory", NoDelaySockets.INSTANCE);
				// setting the properties again drops a session made from the old ones
				impl.setJavaMailProperties(mail);
			}
		}
	}

	@Bean
	OutgoingHeaders outgoingHeaders(MailProperties properties, SiteProperties site) {
		String domain = properties.messageIdDomain();
		if (domain == null) {
			String host = (site.baseUrl() != null) ? URI.create(site.baseUrl()).getHost() : null;
			domain = (host != null) ? host : "localhost";
		}
		return new OutgoingHeaders(domain, properties.listId());
	}

	/** Spring Boot's own mail health check is off: a relay that is down would take the whole application DOWN. */
	@Bean
	MailHealthIndicator mailHealthIndicator(ObjectProvider<JavaMailSender> sender, Clock clock) {
		return new MailHealthIndicator(sender.getIfAvailable(), clock);
	}

	/** The signing key, or {@code null} when DKIM is not configured; a half-made configuration stops the start. */
	static DkimKey dkimKey(MailProperties properties) {
		MailProperties.Dkim dkim = properties.dkim();
		if (dkim.partlyConfigured()) {
			throw new IllegalStateException("DKIM signing needs paperboy.mail.dkim.domain, .selector and "
					+ ".private-key-file (or .private-key) all set; some are missing");
		}
		return dkim.configured() ? DkimKey.load(dkim) : null;
	}

}
