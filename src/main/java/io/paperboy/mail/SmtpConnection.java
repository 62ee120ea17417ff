package io.paperboy.mail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A connection to the relay, kept open from one batch to the next. Opened as Spring's
 * {@link JavaMailSenderImpl} opens one (its host, port, protocol and credentials), when the first
 * message of a batch needs it. Spring's own loop asks the server whether the connection is still
 * there ({@code NOOP}) before every message, a round trip per message; here it is asked once a
 * batch, for a connection kept open since the last one (the relay may have closed it meanwhile), and
 * after a message failed. A connection the server dropped is opened again.
 * <p>
 * Each batch is written and sent with this class's loader as the thread's context class loader:
 * Jakarta Mail loads the stream provider named by {@link StreamProviderProperty} through that loader
 * and fails if it cannot, and a caller's thread may have one that does not see Angus Mail (in the
 * executable jar the system class loader sees none of the libraries).
 */
final class SmtpConnection implements MailConnection {

	private final JavaMailSenderImpl relay;

	private final MimeWriter writer;

	/** Open between batches, or {@code null}. */
	private Transport transport;

	SmtpConnection(JavaMailSenderImpl relay, MimeWriter writer) {
		this.relay = relay;
		this.writer = writer;
	}

	@Override
	public List<MailOutcome> sendAll(List<MailMessage> messages) {
		Thread thread = Thread.currentThread();
		ClassLoader callers = thread.getContextClassLoader();
		thread.setContextClassLoader(SmtpConnection.class.getClassLoader());
		try {
			return writeAndSend(messages);
		}
		finally {
			thread.setContextClassLoader(callers);
		}
	}

	/** Whether a connection is open now (it may still have been closed by the relay). */
	boolean isOpen() {
		return this.transport != null;
	}

	@Override
	public void close() {
		if (this.transport != null) {
			try {
				this.transport.close();
			}
			catch (MessagingException ex) {
				// the messages were sent or have their outcome; a failed QUIT changes neither
			}
			this.transport = null;
		}
	}

	private List<MailOutcome> writeAndSend(List<MailMessage> messages) {
		MailFailure[] failures = new MailFailure[messages.size()];
		MimeMessage[] written = new MimeMessage[messages.size()];
		for (int i = 0; i < messages.size(); i++) {
			try {
				written[i] = this.writer.write(messages.get(i));
			}
			catch (MessagingException ex) {
				failures[i] = SmtpFailures.unwritable(messages.get(i), ex);
			}
		}
		if (Arrays.stream(written).anyMatch(Objects::nonNull)) {
			send(messages, written, failures);
		}
		List<MailOutcome> outcomes = new ArrayList<>(messages.size());
		for (int i = 0; i < messages.size(); i++) {
			outcomes.add(new MailOutcome(messages.get(i), OutgoingHeaders.messageId(messages.get(i)), failures[i]));
		}
		return outcomes;
	}

	/** The messages written, in order; a connection that cannot be opened fails the rest of the batch. */
	private void send(List<MailMessage> messages, MimeMessage[] written, MailFailure[] failures) {
		if (this.transport != null && !this.transport.isConnected()) {
			close();
		}
		for (int i = 0; i < written.length; i++) {
			MimeMessage mime = written[i];
			if (mime == null) {
				continue;
			}
			if (this.transport == null) {
				try {
					this.transport = connect();
				}
				catch (AuthenticationFailedException ex) {
					failRest(written, failures, i, (message) -> SmtpFailures.credentialsRefused(ex));
					return;
				}
				catch (MessagingException ex) {
					failRest(written, failures, i, (message) -> SmtpFailures.classify(messages.get(message), ex));
					return;
				}
			}
			try {
				this.transport.sendMessage(mime, mime.getAllRecipients());
			}
			catch (MessagingException ex) {
				failures[i] = SmtpFailures.classify(messages.get(i), ex);
				if (!this.transport.isConnected()) {
					close();
				}
			}
		}
	}

	private Transport connect() throws MessagingException {
		String username = this.relay.getUsername();
		String password = this.relay.getPassword();
		if ("".equals(username)) {
			username = null;
			password = "".equals(password) ? null : password;
		}
		String protocol = (this.relay.getProtocol() != null) ? this.relay.getProtocol()
				: this.relay.getSession().getProperty("mail.transport.protocol");
		protocol = (protocol != null) ? protocol : "smtp";
		// plain SMTP (STARTTLS included) writes the data itself; smtps stays Angus Mail's own
		Transport transport = "smtp".equals(protocol) ? new DirectDataTransport(this.relay.getSession())
				: this.relay.getSession().getTransport(protocol);
		transport.connect(this.relay.getHost(), this.relay.getPort(), username, password);
		return transport;
	}

	/** This message and every one written after it in the batch: not sent, each with the failure made for it. */
	private static void failRest(MimeMessage[] written, MailFailure[] failures, int from,
			IntFunction<MailFailure> failure) {
		for (int i = from; i < written.length; i++) {
			if (written[i] != null) {
				failures[i] = failure.apply(i);
			}
		}
	}

}
