package io.paperboy.account;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AccountPropertiesTests {

	@Test
	void administratorsAddressesAreKeptAsEveryOtherAddressIs() {
		AccountProperties properties = new AccountProperties(List.of(" Boss@Exämple.org ", "ops@example.org"), null, 0, 0);

		assertThat(properties.adminEmails()).containsExactly("boss@xn--exmple-cua.org", "ops@example.org");
	}

	@Test
	void anAdministratorsAddressThatCannotBeUsedStopsTheStartWithTheReason() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AccountProperties(List.of("bossä@example.org"), null, 0, 0))
			.withMessageContaining("paperboy.accounts.admin-emails")
			.withMessageContaining("SMTPUTF8");
	}

	@Test
	void unsetOrNonPositiveLimitsTakeTheirDefaults() {
		assertThat(bind(Map.of())).extracting(AccountProperties::signInLinksPerAddress,
				AccountProperties::signInLinksPerClient)
			.containsExactly(5, 20);
		assertThat(bind(Map.of("paperboy.accounts.sign-in-links-per-address", "0",
				"paperboy.accounts.sign-in-links-per-client", "-1")))
			.extracting(AccountProperties::signInLinksPerAddress, AccountProperties::signInLinksPerClient)
			.containsExactly(5, 20);
		assertThat(bind(Map.of("paperboy.accounts.sign-in-links-per-address", "2")).signInLinksPerAddress())
			.isEqualTo(2);
	}

	private static AccountProperties bind(Map<String, String> settings) {
		return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("paperboy.accounts",
				AccountProperties.class);
	}

}
