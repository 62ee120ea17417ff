package io.paperboy.mail;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Picks the delivery: Spring Boot makes a {@link JavaMailSender} when {@code spring.mail.host} is
 * set; without one, mail stays in the development outbox, so a fresh install can sign in with no
 * mail server at all.
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

	@Bean
	MailDelivery mailDelivery(ObjectProvider<JavaMailSender> sender, MailProperties properties,
			DevMailRepository outbox, java.time.Clock clock) {
		JavaMailSender smtp = sender.getIfAvailable();
		return (smtp != null) ? new SmtpDelivery(smtp, properties) : new DevOutbox(outbox, clock);
	}

}
