package io.paperboy.digest;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import io.paperboy.web.SiteProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The signed links in digest mail: each opens one subscription for one purpose, and nothing else. */
class SignedLinksTests {

	private final SignedLinks links = links("a-secret-of-thirty-two-characters!");

	private final Subscription ada = subscription(7, "ada@example.org");

	private final Subscription bob = subscription(8, "bob@example.org");

	@Test
	void aLinkOpensTheSubscriptionAndPurposeItWasMadeFor() {
		String token = this.links.token(this.ada, LinkPurpose.UNSUBSCRIBE);

		assertThat(this.links.verify(token, this.ada, LinkPurpose.UNSUBSCRIBE)).isTrue();
		assertThat(SignedLinks.idOf(token)).contains(7L);
		assertThat(this.links.url(this.ada, LinkPurpose.UNSUBSCRIBE))
			.isEqualTo("https://papers.example.org/digest/unsubscribe/" + token);
	}

	@Test
	void aLinkForOnePurposeDoesNothingElse() {
		String confirm = this.links.token(this.ada, LinkPurpose.CONFIRM);

		assertThat(this.links.verify(confirm, this.ada, LinkPurpose.UNSUBSCRIBE)).isFalse();
		assertThat(this.links.verify(confirm, this.ada, LinkPurpose.PREFERENCES)).isFalse();
	}

	@Test
	void aLinkForOneSubscriberOpensNoOtherEvenWithTheIdChanged() {
		String token = this.links.token(this.ada, LinkPurpose.PREFERENCES);
		String withBobsId = "8" + token.substring(token.indexOf('.'));

		assertThat(this.links.verify(token, this.bob, LinkPurpose.PREFERENCES)).isFalse();
		assertThat(this.links.verify(withBobsId, this.bob, LinkPurpose.PREFERENCES)).isFalse();
	}

	@Test
	void aLinkNoLongerWorksForAnotherAddressUnderTheSameId() {
		String token = this.links.token(this.ada, LinkPurpose.PREFERENCES);

		assertThat(this.links.verify(token, subscription(7, "mallory@example.org"), LinkPurpose.PREFERENCES)).isFalse();
	}

	@Test
	void aTamperedOrMalformedSignatureIsRefused() {
		String token = this.links.token(this.ada, LinkPurpose.PREFERENCES);
		char last = token.charAt(token.length() - 1);
		String tampered = token.substring(0, token.length() - 1) + ((last == 'A') ? 'B' : 'A');

		assertThat(this.links.verify(tampered, this.ada, LinkPurpose.PREFERENCES)).isFalse();
		assertThat(this.links.verify("7.", this.ada, LinkPurpose.PREFERENCES)).isFalse();
		assertThat(this.links.verify("7.***", this.ada, LinkPurpose.PREFERENCES)).isFalse();
		assertThat(this.links.verify("7", this.ada, LinkPurpose.PREFERENCES)).isFalse();
		assertThat(this.links.verify(null, this.ada, LinkPurpose.PREFERENCES)).isFalse();
		assertThat(SignedLinks.idOf("x.abc")).isEmpty();
		assertThat(SignedLinks.idOf("99999999999999999999999.abc")).isEmpty();
	}

	@Test
	void onlyTheSpellingThatWasWrittenOpensALink() {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
		for (long id = 1; id <= 64; id++) {
			Subscription subscriber = subscription(id, "reader" + id + "@example.org");
			String token = this.links.token(subscriber, LinkPurpose.PREFERENCES);
			String start = token.substring(0, token.length() - 1);
			// the last character of 16 Base64 bytes carries 2 bits: four characters decode alike
			for (char last : alphabet.toCharArray()) {
				String spelt = start + last;
				assertThat(this.links.verify(spelt, subscriber, LinkPurpose.PREFERENCES)).as(spelt)
					.isEqualTo(spelt.equals(token));
			}
		}
	}

	@Test
	void aLinkSignedWithAnotherSecretIsRefused() {
		String forged = links("another-secret-entirely-different").token(this.ada, LinkPurpose.UNSUBSCRIBE);

		assertThat(this.links.verify(forged, this.ada, LinkPurpose.UNSUBSCRIBE)).isFalse();
	}

	@Test
	void linksAreShortEnoughForALineOfTheTextPart() {
		assertThat(this.links.url(subscription(123_456_789, "a@example.org"), LinkPurpose.PREFERENCES))
			.hasSizeLessThanOrEqualTo(78);
	}

	private static SignedLinks links(String secret) {
		DigestProperties properties = new DigestProperties(secret, false, null, Duration.ofDays(7), 0, 0, 0, 0, 0, null);
		return new SignedLinks(properties, null, new SiteProperties(Path.of("data"), "https://papers.example.org/"));
	}

	private static Subscription subscription(long id, String email) {
		return new Subscription(id, email, Status.CONFIRMED, Preferences.defaults(), null, Instant.EPOCH, Instant.EPOCH,
				null);
	}

}
