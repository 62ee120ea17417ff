package io.paperboy.account;

import java.util.List;

import org.junit.jupiter.api.Test;

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

}
