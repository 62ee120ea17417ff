package io.paperboy.mail;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Message;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Delivery to the SMTP server Spring Boot is configured with ({@code spring.mail.*}). A batch goes
 * over one connection (Spring's {@link JavaMailSender#send(MimeMessage...)} keeps it open from one
 * message to the next, and opens a new one if the server drops it), and each message's refusal is
 * classified on its own.
 */
class SmtpDelivery implements MailDelivery {

	/** How Angus Mail quotes a server's reply in the messages of exceptions without a reply code. */
	private static final Pattern QUOTED_REPLY = Pattern.compile("response: (\\d{3})\\b");

	private final JavaMailSender sender;

	private final Session session;

	private final MailProperties properties;

	private final InternetAddress from;

	private final DkimKey dkim;

	private final Clock clock;

	/**
	 * @param dkim the signing key, or {@code null} to send unsigned
	 */
	SmtpDelivery(JavaMailSender sender, MailProperties properties, DkimKey dkim, Clock clock) {
		StreamProviderProperty.setUnlessSet();
		this.sender = sender;
		this.session = (sender instanceof JavaMailSenderImpl impl) ? impl.getSession()
				: Session.getInstance(new Properties());
		this.properties = properties;
		this.from = address(properties.from(), "paperboy.mail.from");
		if (properties.bounceAddress() != null) {
			address(properties.bounceAddress(), "paperboy.mail.bounce-address");
		}
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
	 * Writes and sends the messages with this class's loader as the thread's context class loader:
	 * Jakarta Mail loads the stream provider named by {@link StreamProviderProperty} through that
	 * loader and fails if it cannot, and a caller's thread may have one that does not see Angus Mail
	 * (in the executable jar the system class loader sees none of the libraries).
	 */
	@Override
	public List<MailOutcome> deliver(List<MailMessage> messages) {
		try (MailConnection connection = open()) {
			return connection.sendAll(messages);
		}
	}

	@Override
	public MailConnection open() {
		return new SmtpConnection();
	}

	/**
	 * A connection to the relay kept open between batches. Each batch is written and sent with this
	 * class's loader as the thread's context class loader: Jakarta Mail loads the stream provider
	 * named by {@link StreamProviderProperty} through that loader and fails if it cannot, and a
	 * caller's thread may have one that does not see Angus Mail (in the executable jar the system
	 * class loader sees none of the libraries).
	 */
	private final class SmtpConnection implements MailConnection {

		/** Open between batches, or {@code null}. */
		private Transport transport;

		@Override
		public List<MailOutcome> sendAll(List<MailMessage> messages) {
			Thread thread = Thread.currentThread();
			ClassLoader callers = thread.getContextClassLoader();
			thread.setContextClassLoader(SmtpDelivery.class.getClassLoader());
			try {
				return writeAndSend(messages, this);
			}
			finally {
				thread.setContextClassLoader(callers);
			}
		}

		@Override
		public void close() {
			if (this.transport != null) {
				SmtpDelivery.close(this.transport);
				this.transport = null;
			}
		}

	}

	private List<MailOutcome> writeAndSend(List<MailMessage> messages, SmtpConnection connection) {
		MailFailure[] failures = new MailFailure[messages.size()];
		Map<MimeMessage, Integer> written = new IdentityHashMap<>();
		List<MimeMessage> batch = new ArrayList<>();
		for (int i = 0; i < messages.size(); i++) {
			try {
				MimeMessage mime = mime(messages.get(i));
				written.put(mime, i);
				batch.add(mime);
			}
			catch (MessagingException ex) {
				failures[i] = new MailFailure("Could not write the message to " + messages.get(i).to() + ": "
						+ ex.getMessage(), true, ex);
			}
		}
		if (!batch.isEmpty()) {
			send(batch, written, messages, failures, connection);
		}
		List<MailOutcome> outcomes = new ArrayList<>(messages.size());
		for (int i = 0; i < messages.size(); i++) {
			outcomes.add(new MailOutcome(messages.get(i), OutgoingHeaders.messageId(messages.get(i)), failures[i]));
		}
		return outcomes;
	}

	private void send(List<MimeMessage> batch, Map<MimeMessage, Integer> written, List<MailMessage> messages,
			MailFailure[] failures, SmtpConnection connection) {
		if (this.sender instanceof JavaMailSenderImpl impl) {
			sendOverConnection(impl, connection, batch, written, messages, failures);
			return;
		}
		try {
			this.sender.send(batch.toArray(MimeMessage[]::new));
		}
		catch (MailAuthenticationException ex) {
			for (int i : written.values()) {
				failures[i] = new MailFailure("The mail server refused our credentials: " + ex.getMessage(), false, ex);
			}
		}
		catch (MailSendException ex) {
			// only the messages that failed are named; the others were accepted
			ex.getFailedMessages().forEach((mime, failure) -> {
				Integer i = written.get(mime);
				if (i != null) {
					failures[i] = classify(messages.get(i), failure);
				}
			});
		}
		catch (MailException ex) {
			for (int i : written.values()) {
				failures[i] = new MailFailure("Could not reach the mail server: " + ex.getMessage(), false, ex);
			}
		}
	}

	/**
	 * The batch over the connection, opened as Spring opens it when there is none. Spring's own loop
	 * asks the server whether the connection is still there ({@code NOOP}) before every message, a
	 * round trip per message; here it is asked once a batch, for a connection kept open since the
	 * last one (the relay may have closed it meanwhile), and after a message failed. A connection
	 * the server dropped is opened again.
	 */
	private void sendOverConnection(JavaMailSenderImpl impl, SmtpConnection connection, List<MimeMessage> batch,
			Map<MimeMessage, Integer> written, List<MailMessage> messages, MailFailure[] failures) {
		if (connection.transport != null && !connection.transport.isConnected()) {
			connection.close();
		}
		for (MimeMessage mime : batch) {
			int i = written.get(mime);
			if (connection.transport == null) {
				try {
					connection.transport = connect(impl);
				}
				catch (AuthenticationFailedException ex) {
					failRest(batch, written, failures, i, (message) -> new MailFailure(
							"The mail server refused our credentials: " + ex.getMessage(), false, ex));
					return;
				}
				catch (MessagingException ex) {
					failRest(batch, written, failures, i, (message) -> classify(messages.get(message), ex));
					return;
				}
			}
			try {
				connection.transport.sendMessage(mime, mime.getAllRecipients());
			}
			catch (MessagingException ex) {
				failures[i] = classify(messages.get(i), ex);
				if (!connection.transport.isConnected()) {
					connection.close();
				}
			}
		}
	}

	private static Transport connect(JavaMailSenderImpl impl) throws MessagingException {
		String username = impl.getUsername();
		String password = impl.getPassword();
		if ("".equals(username)) {
			username = null;
			password = "".equals(password) ? null : password;
		}
		String protocol = (impl.getProtocol() != null) ? impl.getProtocol()
				: impl.getSession().getProperty("mail.transport.protocol");
		Transport transport = impl.getSession().getTransport((protocol != null) ? protocol : "smtp");
		transport.connect(impl.getHost(), impl.getPort(), username, password);
		return transport;
	}

	/** This message and every one after it in the batch: not sent, each with the failure made for it. */
	private static void failRest(List<MimeMessage> batch, Map<MimeMessage, Integer> written, MailFailure[] failures,
			int from, IntFunction<MailFailure> failure) {
		for (MimeMessage mime : batch) {
			int i = written.get(mime);
			if (i >= from) {
				failures[i] = failure.apply(i);
			}
		}
	}

	private static void close(Transport transport) {
		try {
			transport.close();
		}
		catch (MessagingException ex) {
			// the messages were sent or have their outcome; a failed QUIT changes neither
		}
	}

	/**
	 * The message as MIME: a text/plain part alone, or multipart/alternative with the text part
	 * first and the HTML part last (mail programs show the last part they can), both UTF-8, the
	 * HTML written in ASCII ({@link AsciiHtml}) so that it goes as 7bit; signed when a DKIM key is
	 * configured, and sent with the bounce address as envelope sender.
	 */
	MimeMessage mime(MailMessage message) throws MessagingException {
		SMTPMessage mime = new KeepingMessageId(this.session);
		mime.setFrom(this.from);
		mime.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient(message.to()), true));
		mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
		mime.setSentDate(Date.from(this.clock.instant()));
		if (message.html() == null) {
			TextBody.set(mime, message.text(), "plain");
		}
		else {
			mime.setContent(new MimeMultipart("alternative", TextBody.part(message.text(), "plain"),
					TextBody.html(message.html())));
		}
		for (var header : message.headers().entrySet()) {
			mime.setHeader(header.getKey(), header.getValue());
		}
		// the body is encoded now, so that what is signed is what goes on the wire
		mime.saveChanges();
		SMTPMessage outgoing = (this.dkim != null) ? this.dkim.sign(mime) : mime;
		if (this.properties.bounceAddress() != null) {
			outgoing.setEnvelopeFrom(this.properties.bounceAddress());
		}
		return outgoing;
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

	/**
	 * A refusal classified. Angus Mail reports a refused recipient as an
	 * {@link SMTPAddressFailedException}, a refused message (after DATA) as an
	 * {@link SMTPSendFailedException} and a refused sender as an {@link SMTPSenderFailedException},
	 * chained under the exception Spring hands back; a dropped connection or a bad greeting carries no
	 * reply code and is always worth retrying.
	 */
	static MailFailure classify(MailMessage message, Exception failure) {
		int recipientCode = 0;
		int messageCode = 0;
		int senderCode = 0;
		int quotedCode = 0;
		for (Throwable next = failure; next != null && next != next.getCause(); next = next.getCause()) {
			if (next instanceof SMTPAddressFailedException refused && recipientCode == 0) {
				recipientCode = refused.getReturnCode();
			}
			else if (next instanceof SMTPSenderFailedException refused && senderCode == 0) {
				senderCode = refused.getReturnCode();
			}
			else if (next instanceof SMTPSendFailedException refused && messageCode == 0) {
				messageCode = refused.getReturnCode();
			}
			Matcher quoted = QUOTED_REPLY.matcher(String.valueOf(next.getMessage()));
			if (quotedCode == 0 && quoted.find()) {
				quotedCode = Integer.parseInt(quoted.group(1));
			}
		}
		if (senderCode > 0) {
			// our envelope sender was refused: the recipient is not at fault, and fixing the
			// configuration makes the retry pass
			return new MailFailure("The mail server refused our sender address for " + message.to() + ": "
					+ failure.getMessage(), false, senderCode, failure);
		}
		int code = (recipientCode > 0) ? recipientCode : (messageCode > 0) ? messageCode : quotedCode;
		boolean aboutThisMessage = recipientCode > 0 || messageCode > 0;
		return new MailFailure("The mail server did not take the message to " + message.to() + ": "
				+ describe(failure), aboutThisMessage && code >= 500, code, failure);
	}

	private static String describe(Exception failure) {
		StringBuilder text = new StringBuilder(String.valueOf(failure.getMessage()).strip());
		Throwable cause = failure.getCause();
		if (cause != null && cause != failure && cause.getMessage() != null) {
			text.append(" (").append(cause.getMessage().strip()).append(")");
		}
		return text.toString();
	}

	/**
	 * Jakarta Mail gives a message a fresh {@code Message-ID} of its own each time it is saved; this
	 * one keeps the ID Paperboy gave it, on our domain.
	 */
	private static final class KeepingMessageId extends SMTPMessage {

		KeepingMessageId(Session session) {
			super(session);
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			if (getHeader(OutgoingHeaders.MESSAGE_ID) == null) {
				super.updateMessageID();
			}
		}

	}

}
