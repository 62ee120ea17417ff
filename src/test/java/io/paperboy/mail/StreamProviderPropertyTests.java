package io.paperboy.mail;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.util.StreamProvider;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Jakarta Mail finds its stream provider by the system property Paperboy sets, not by a search of
 * the class path on every call, and the property does not stop mail from threads of any class loader.
 */
class StreamProviderPropertyTests {

	@RegisterExtension
	static final GreenMailExtension relay = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());

	private String before;

	@BeforeEach
	void rememberTheProperty() {
		this.before = System.getProperty(StreamProviderProperty.NAME);
	}

	@AfterEach
	void restoreTheProperty() {
		if (this.before == null) {
			System.clearProperty(StreamProviderProperty.NAME);
		}
		else {
			System.setProperty(StreamProviderProperty.NAME, this.before);
		}
	}

	@Test
	void smtpDeliveryNamesAngusMailsStreamProviderBeforeAnyMessageIsWritten() {
		System.clearProperty(StreamProviderProperty.NAME);

		TestRelays.mailer(relay.getSmtp().getPort());

		assertThat(System.getProperty(StreamProviderProperty.NAME)).isEqualTo(MailStreamProvider.class.getName());
		assertThat(StreamProvider.provider()).isExactlyInstanceOf(MailStreamProvider.class);
	}

	@Test
	void anOperatorsOwnStreamProviderIsKept() {
		System.setProperty(StreamProviderProperty.NAME, OperatorsStreamProvider.class.getName());

		Mailer mailer = TestRelays.mailer(relay.getSmtp().getPort());
		mailer.send(MailMessage.transactional("reader@example.org", "Sign in", "Your link", "<p>Your link</p>"));

		assertThat(System.getProperty(StreamProviderProperty.NAME)).isEqualTo(OperatorsStreamProvider.class.getName());
		assertThat(StreamProvider.provider()).isExactlyInstanceOf(OperatorsStreamProvider.class);
		assertThat(relay.getReceivedMessages()).hasSize(1);
	}

	@Test
	void aThreadWhoseClassLoaderCannotSeeAngusMailStillWritesAndSendsMail() throws Exception {
		Mailer mailer = TestRelays.mailer(relay.getSmtp().getPort());
		ClassLoader blind = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader());
		assertThatExceptionOfType(ClassNotFoundException.class)
			.isThrownBy(() -> Class.forName(MailStreamProvider.class.getName(), false, blind));
		FutureTask<List<MailOutcome>> sending = new FutureTask<>(() -> mailer.sendAll(List.of(
				MailMessage.transactional("reader@example.org", "Trending — Nov 28", "Müller", "<p>Müller</p>"))));
		FutureTask<ClassLoader> afterwards = new FutureTask<>(() -> Thread.currentThread().getContextClassLoader());
		Thread thread = new Thread(() -> {
			sending.run();
			afterwards.run();
		});
		thread.setContextClassLoader(blind);

		thread.start();

		assertThat(sending.get(10, TimeUnit.SECONDS)).singleElement().satisfies((outcome) -> assertThat(outcome.accepted()).isTrue());
		assertThat(afterwards.get(10, TimeUnit.SECONDS)).isSameAs(blind);
		assertThat(relay.getReceivedMessages()).hasSize(1);
	}

	/** A provider of the operator's choosing, named in {@code -Djakarta.mail.util.StreamProvider=...}. */
	public static class OperatorsStreamProvider extends MailStreamProvider {

	}

}
