package io.paperboy.account;

import java.time.Duration;
import java.util.List;

import io.paperboy.mail.InvalidMailAddressException;
import io.paperboy.mail.MailAddress;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Accounts: {@code paperboy.accounts.*}.
 *
 * @param adminEmails addresses that are administrators as soon as they sign in (an address that
 * cannot be used stops the start with the reason); the other way to make the first administrator is
 * {@code user grant-admin EMAIL}
 * @param signInLinkValidity how long a mailed sign-in link works (once)
 * @param signInLinksPerAddress how many sign-in links one address can be sent per hour
 * @param signInLinksPerClient how many sign-in links one client (IP address) can ask for per hour
 */
@ConfigurationProperties("paperboy.accounts")
public record AccountProperties(List<String> adminEmails, Duration signInLinkValidity,
		@DefaultValue("5") int signInLinksPerAddress, @DefaultValue("20") int signInLinksPerClient) {

	public AccountProperties {
		adminEmails = (adminEmails != null) ? adminEmails.stream().map(AccountProperties::adminEmail).toList() : List.of();
		signInLinkValidity = (signInLinkValidity != null) ? signInLinkValidity : Duration.ofMinutes(15);
		signInLinksPerAddress = (signInLinksPerAddress > 0) ? signInLinksPerAddress : 5;
		signInLinksPerClient = (signInLinksPerClient > 0) ? signInLinksPerClient : 20;
	}

	private static String adminEmail(String email) {
		try {
			return MailAddress.normalise(email);
		}
		catch (InvalidMailAddressException ex) {
			throw new IllegalArgumentException("paperboy.accounts.admin-emails: " + email + ": " + ex.getMessage(), ex);
		}
	}

}
