package io.paperboy.mail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MailAddressTests {

	@Test
	void anAddressIsTrimmedAndLowerCased() {
		assertThat(MailAddress.normalise("  Ada.Lovelace+papers@Example.ORG ")).isEqualTo("ada.lovelace+papers@example.org");
	}

	@Test
	void anInternationalisedDomainAndItsAsciiFormAreOneAddress() {
		assertThat(MailAddress.normalise("user@exämple.org")).isEqualTo("user@xn--exmple-cua.org");
		assertThat(MailAddress.normalise("user@EXÄMPLE.org")).isEqualTo("user@xn--exmple-cua.org");
		assertThat(MailAddress.normalise("user@xn--exmple-cua.org")).isEqualTo("user@xn--exmple-cua.org");
		assertThat(MailAddress.normalise("user@例え.テスト")).isEqualTo("user@xn--r8jz45g.xn--zckzah");
	}

	@Test
	void ideographicFullStopsSeparateLabelsAsDotsDo() {
		assertThat(MailAddress.normalise("user@example。org")).isEqualTo("user@example.org");
	}

	@ParameterizedTest
	@ValueSource(strings = { "adä@example.org", "пользователь@example.org", "用户@例子.广告" })
	void aLocalPartOutsideAsciiIsRefusedBecauseThereIsNoSmtputf8(String address) {
		assertThatExceptionOfType(InvalidMailAddressException.class).isThrownBy(() -> MailAddress.normalise(address))
			.withMessageContaining("outside ASCII before the @")
			.withMessageContaining("SMTPUTF8");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "no-at-sign", "@example.org", "user@", "user@localhost", "two@at@example.org",
			"with space@example.org", ".dot@example.org", "dot.@example.org", "two..dots@example.org",
			"\"quoted\"@example.org", "user@example.org\r\nBcc: victim@example.org" })
	void somethingThatIsNotAnAddressIsRefused(String address) {
		assertThatExceptionOfType(InvalidMailAddressException.class).isThrownBy(() -> MailAddress.normalise(address));
		assertThat(MailAddress.tryNormalise(address)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "user@exa_mple.org", "user@-example.org", "user@example..org", "user@example.org.",
			"user@[192.0.2.1]", "user@aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.org" })
	void aDomainThatIsNoDomainNameIsRefusedInWords(String address) {
		assertThatExceptionOfType(InvalidMailAddressException.class).isThrownBy(() -> MailAddress.normalise(address))
			.withMessage(MailAddress.BAD_DOMAIN);
	}

	@Test
	void anAddressPastTheLengthLimitIsRefused() {
		String local = "a".repeat(64);
		String domain = ("b".repeat(60) + ".").repeat(4) + "org";
		assertThatExceptionOfType(InvalidMailAddressException.class)
			.isThrownBy(() -> MailAddress.normalise(local + "@" + domain));
		assertThatExceptionOfType(InvalidMailAddressException.class)
			.isThrownBy(() -> MailAddress.normalise("a".repeat(65) + "@example.org"));
	}

	@Test
	void nullIsNoAddress() {
		assertThat(MailAddress.tryNormalise(null)).isEmpty();
	}

	@Test
	void theFormForSendingConvertsTheDomainAndKeepsEverythingElse() {
		assertThat(MailAddress.ascii("Ada@Exämple.org")).isEqualTo("Ada@xn--exmple-cua.org");
		assertThat(MailAddress.ascii("root@localhost")).isEqualTo("root@localhost");
	}

}
