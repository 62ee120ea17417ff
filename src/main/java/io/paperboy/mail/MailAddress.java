package io.paperboy.mail;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one rule for a mail address, wherever one comes in (sign-in, subscriptions, the {@code user}
 * verbs, {@code paperboy.accounts.admin-emails}): the form Paperboy stores, compares, shows and
 * sends.
 * <ul>
 * <li>The domain may be internationalised: it is kept in its ASCII form (IDNA, as DNS and every
 * relay know it), so {@code user@exämple.org} and {@code user@xn--exmple-cua.org} are one address.
 * Showing the ASCII form also shows a look-alike domain for what it is.</li>
 * <li>The part before the {@code @} must be ASCII: Paperboy does not use SMTPUTF8, the extension
 * that lets a relay carry anything else, so such an address is refused with a clear message rather
 * than sent garbled.</li>
 * <li>Everything is trimmed and lower-cased, as Paperboy has always kept addresses.</li>
 * </ul>
 */
public final class MailAddress {

	/** What every refusal of a malformed address says (the sign-in and subscribe forms show it). */
	public static final String NOT_AN_ADDRESS = "That does not look like an email address.";

	static final String NOT_ASCII = "Paperboy cannot send to an address with letters outside ASCII before the @ "
			+ "(it does not use SMTPUTF8); use another address.";

	static final String BAD_DOMAIN = "The part after the @ is not a valid domain name.";

	/** RFC 5322's dot-atom: the unquoted local parts that relays accept everywhere. */
	private static final Pattern LOCAL_PART = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");

	private static final int MAX_LENGTH = 254;

	private static final int MAX_LOCAL_PART = 64;

	private MailAddress() {
	}

	/**
	 * The address as Paperboy keeps it: trimmed, lower case, the domain in ASCII.
	 * @throws InvalidMailAddressException when it cannot be used, saying why
	 */
	public static String normalise(String typed) {
		String address = ascii((typed != null) ? typed.strip() : "");
		String local = address.substring(0, address.lastIndexOf('@'));
		String domain = address.substring(address.lastIndexOf('@') + 1);
		if (local.length() > MAX_LOCAL_PART || !LOCAL_PART.matcher(local).matches() || address.length() > MAX_LENGTH) {
			throw new InvalidMailAddressException(NOT_AN_ADDRESS);
		}
		// a name of one label is no domain mail goes to from the internet
		if (!domain.contains(".")) {
			throw new InvalidMailAddressException(NOT_AN_ADDRESS);
		}
		return address.toLowerCase(Locale.ROOT);
	}

	/** The address as Paperboy keeps it, or empty when it cannot be used (for look-ups). */
	public static Optional<String> tryNormalise(String typed) {
		try {
			return Optional.of(normalise(typed));
		}
		catch (InvalidMailAddressException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The address with its domain in ASCII and nothing else changed: what goes in the envelope and
	 * the {@code To} header.
	 * @throws InvalidMailAddressException when it cannot be sent without SMTPUTF8, or is no address
	 */
	static String ascii(String address) {
		int at = address.lastIndexOf('@');
		if (at <= 0 || at == address.length() - 1) {
			throw new InvalidMailAddressException(NOT_AN_ADDRESS);
		}
		String local = address.substring(0, at);
		String domain = address.substring(at + 1);
		if (local.chars().anyMatch((c) -> c > 0x7f)) {
			throw new InvalidMailAddressException(NOT_ASCII);
		}
		String asciiDomain;
		try {
			asciiDomain = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidMailAddressException(BAD_DOMAIN);
		}
		if (asciiDomain.isEmpty() || asciiDomain.startsWith(".") || asciiDomain.endsWith(".")
				|| asciiDomain.contains("..")) {
			throw new InvalidMailAddressException(BAD_DOMAIN);
		}
		return local + "@" + asciiDomain;
	}

}
