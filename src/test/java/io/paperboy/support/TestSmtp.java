package io.paperboy.support;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * The mail relay of every {@link WebTest}: one {@link ScriptedSmtpServer} for the whole test run,
 * started on a free loopback port when first asked for, which {@link TestServers} makes the
 * application's {@code spring.mail.host} and {@code spring.mail.port}. It takes every message a
 * test sends (sign-in links, digests) like a willing relay; {@link ResetServers} forgets them and
 * any script before each test, so a test scripts faults and counts messages from nothing.
 */
public final class TestSmtp {

	private static final Session PARSING = Session.getInstance(new Properties());

	private TestSmtp() {
	}

	/** The shared relay. */
	public static ScriptedSmtpServer relay() {
		return Holder.RELAY;
	}

	/** The messages the relay accepted for this address (an envelope recipient), oldest first, parsed. */
	public static List<MimeMessage> messagesTo(String address) {
		return relay().received()
			.stream()
			.filter((received) -> received.recipients().stream().anyMatch(address::equalsIgnoreCase))
			.map(TestSmtp::parsed)
			.toList();
	}

	/** Every message the relay accepted since the test began, oldest first, parsed. */
	public static List<MimeMessage> messages() {
		return relay().received().stream().map(TestSmtp::parsed).toList();
	}

	private static MimeMessage parsed(ScriptedSmtpServer.Received received) {
		try {
			return new MimeMessage(PARSING, new ByteArrayInputStream(received.data()));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException("The relay took a message that is not MIME", ex);
		}
	}

	private static final class Holder {

		static final ScriptedSmtpServer RELAY = ScriptedSmtpServer.start();

	}

}
