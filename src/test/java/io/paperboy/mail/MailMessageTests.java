package io.paperboy.mail;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** What a message may say about itself. */
class MailMessageTests {

	@Test
	void aHeaderThatWouldAddARecipientOrRewriteTheMessageIsRefused() {
		for (String name : new String[] { "Bcc", "cc", "To", "From", "Content-Type", "DKIM-Signature", "Date" }) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> new MailMessage("a@example.org", "S", "T", null, Map.of(name, "x@example.org"),
						MailMessage.Kind.BULK))
				.withMessageContaining(name);
		}
	}

	@Test
	void aMalformedHeaderNameIsRefused() {
		for (String name : new String[] { "X Paper", "X-Paper:", "X-Paper\r\nBcc", "" }) {
			assertThatIllegalArgumentException().isThrownBy(
					() -> new MailMessage("a@example.org", "S", "T", null, Map.of(name, "v"), MailMessage.Kind.BULK));
		}
	}

	@Test
	void listHeadersAndOwnHeadersAreKeptWithTheirValuesOnOneLine() {
		MailMessage message = new MailMessage("a@example.org", "S", "T", null,
				Map.of("List-Unsubscribe", "<https://papers.example.org/u/1>,\r\n <mailto:u@papers.example.org>",
						"X-Paperboy-Digest", "weekly"),
				MailMessage.Kind.BULK);

		assertThat(message.headers())
			.containsEntry("List-Unsubscribe", "<https://papers.example.org/u/1>,   <mailto:u@papers.example.org>")
			.containsEntry("X-Paperboy-Digest", "weekly");
	}

	@Test
	void singleLineTurnsControlCharactersIntoSpacesAndKeepsEveryOtherCharacter() {
		assertThat(MailMessage.singleLine(" Attention\r\nis all\tyou need \uD835\uDD38\u0085 "))
			.isEqualTo("Attention  is all you need \uD835\uDD38");
		assertThat(MailMessage.singleLine(null)).isEmpty();
	}

	@Test
	void aMessageNeedsARecipient() {
		assertThatIllegalArgumentException().isThrownBy(() -> MailMessage.transactional(" ", "S", "T", null));
	}

}
