package io.paperboy.mail;

/**
 * A message's text and HTML parts written from pieces many messages share ({@link PartPieces}),
 * rather than as two strings that the mailer encodes.
 *
 * @param text the text part
 * @param html the HTML part, or {@code null} for a text-only message
 */
public record WrittenParts(TextPart text, HtmlPart html) {

	public WrittenParts {
		if (text == null) {
			throw new IllegalArgumentException("A message needs a text part");
		}
	}

	WrittenMessage.Part textPart() {
		return this.text.part();
	}

	WrittenMessage.Part htmlPart() {
		return (this.html != null) ? this.html.part() : null;
	}

}
