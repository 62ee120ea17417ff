package io.paperboy.mail;

import java.util.List;

/** Where {@link Mailer} hands messages: an SMTP server, or the development outbox. */
interface MailDelivery {

	/**
	 * Delivers messages in order, over one connection where the delivery has connections.
	 * @param messages messages whose headers are complete (see {@link OutgoingHeaders})
	 * @return one outcome per message, in the same order; a refusal of one does not stop the others
	 */
	List<MailOutcome> deliver(List<MailMessage> messages);

	/**
	 * A connection kept open between batches, where the delivery has connections; otherwise each
	 * batch is delivered on its own.
	 */
	default MailConnection open() {
		return new MailConnection() {

			@Override
			public List<MailOutcome> sendAll(List<MailMessage> messages) {
				return deliver(messages);
			}

			@Override
			public void close() {
			}

		};
	}

}
