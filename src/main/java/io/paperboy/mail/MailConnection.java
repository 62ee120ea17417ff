package io.paperboy.mail;

import java.util.List;

/**
 * Batches of messages sent one after another over a connection to the relay that stays open from
 * one batch to the next ({@link Mailer#connection()}), which saves connecting, greeting and
 * logging in again for every batch. Close it when done. Not for use by two threads at once.
 */
public interface MailConnection extends AutoCloseable {

	/**
	 * Sends messages in order; as {@link Mailer#sendAll}.
	 * @return one outcome per message, in order
	 */
	List<MailOutcome> sendAll(List<MailMessage> messages);

	/** Says goodbye to the relay, if connected. */
	@Override
	void close();

}
