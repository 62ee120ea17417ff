package io.paperboy.mail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * What went wrong with a message, as a {@link MailFailure}: permanent (trying again cannot help, and
 * it counts against the recipient) or worth retrying, with the relay's reply code when there was one.
 */
final class SmtpFailures {

	/** How Angus Mail quotes a server's reply in the messages of exceptions without a reply code. */
	private static final Pattern QUOTED_REPLY = Pattern.compile("response: (\\d{3})\\b");

	private SmtpFailures() {
	}

	/** A message that could not be written (a malformed recipient): sending it again writes it the same way. */
	static MailFailure unwritable(MailMessage message, MessagingException failure) {
		return new MailFailure("Could not write the message to " + message.to() + ": " + failure.getMessage(), true,
				failure);
	}

	/** The relay refused our credentials: the operator's to fix, never the recipient's fault. */
	static MailFailure credentialsRefused(AuthenticationFailedException failure) {
		return new MailFailure("The mail server refused our credentials: " + failure.getMessage(), false, failure);
	}

	/**
	 * A refusal classified. Angus Mail reports a refused recipient as an
	 * {@link SMTPAddressFailedException}, a refused message (after DATA) as an
	 * {@link SMTPSendFailedException} and a refused sender as an {@link SMTPSenderFailedException},
	 * possibly chained under another exception; a dropped connection or a bad greeting carries no
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

}
