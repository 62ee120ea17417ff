package io.paperboy.mail;

import java.io.InputStream;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The relay is the sender Spring Boot makes from {@code spring.mail.*}, and nothing else. */
class MailConfigurationTests {

	@Test
	void theSenderSpringBootMakesIsTheRelayWithoutNaglesDelay() {
		JavaMailSenderImpl sender = TestRelays.sender(2525);

		JavaMailSenderImpl relay = MailConfiguration.relay(sender);

		assertThat(relay).isSameAs(sender);
		assertThat(relay.getJavaMailProperties().get("mail.smtp.socketFactory")).isSameAs(NoDelaySockets.INSTANCE);
	}

	@Test
	void anotherKindOfSenderStopsTheStartSayingWhatToDo() {
		assertThatIllegalStateException().isThrownBy(() -> MailConfiguration.relay(new OtherSender()))
			.withMessageContaining(OtherSender.class.getName())
			.withMessageContaining("spring.mail.host");
	}

	/** A sender of one's own, as a bean could declare it. */
	private static final class OtherSender implements JavaMailSender {

		@Override
		public MimeMessage createMimeMessage() {
			throw new UnsupportedOperationException();
		}

		@Override
		public MimeMessage createMimeMessage(InputStream contentStream) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void send(MimeMessage... mimeMessages) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void send(SimpleMailMessage... simpleMessages) {
			throw new UnsupportedOperationException();
		}

	}

}
