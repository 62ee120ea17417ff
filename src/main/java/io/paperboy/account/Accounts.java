package io.paperboy.account;

import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import java.security.SecureRandom;

import io.paperboy.mail.InvalidMailAddressException;
import io.paperboy.mail.MailAddress;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members' accounts: made at the first sign-in, a profile chosen then, roles granted by an
 * administrator. Spring Security asks it for the member a sign-in link was sent to.
 */
@Service
public class Accounts implements UserDetailsService {

	/** Like Hugging Face's handles: letters, digits, '-' and '_', starting with a letter or digit. */
	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{1,38}");

	private static final List<String> RESERVED = List.of("admin", "administrator", "api", "paperboy", "root",
			"system", "support", "signin", "moderator", "curator");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final UserRepository users;

	private final AccountProperties properties;

	private final Clock clock;

	Accounts(UserRepository users, AccountProperties properties, Clock clock) {
		this.users = users;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * An address as Paperboy keeps it ({@link MailAddress#normalise}), or empty when it cannot be one.
	 */
	public static Optional<String> normalisedAddress(String address) {
		return MailAddress.tryNormalise(address);
	}

	/**
	 * Whether a member could choose this username: 2 to 39 letters, digits, '-' or '_', starting
	 * with a letter or a digit, and none of the reserved words. Imports hold the usernames they
	 * bring to the same rule.
	 */
	public static boolean isUsername(String handle) {
		return handle != null && USERNAME.matcher(handle).matches() && !RESERVED.contains(handle.toLowerCase(Locale.ROOT));
	}

	/**
	 * The member a sign-in link was used for; the account is made now if this is their first
	 * sign-in (so asking for a link makes nothing, and a link nobody follows leaves no trace).
	 */
	@Override
	@Transactional
	public Member loadUserByUsername(String email) {
		String address = normalisedAddress(email).orElseThrow(() -> new UsernameNotFoundException("Not an address"));
		Member member = this.users.findMemberByEmail(address)
			.orElseGet(() -> this.users.insertMember(address, placeholderUsername(), this.clock.instant()));
		if (this.properties.adminEmails().contains(address) && !member.isAdmin()) {
			this.users.grant(member.id(), Role.ADMIN);
			member = this.users.findMember(member.id()).orElseThrow();
		}
		this.users.markSignedIn(member.id(), this.clock.instant());
		return member;
	}

	/** The member as stored now (roles included). */
	@Transactional(readOnly = true)
	public Optional<Member> find(long id) {
		return this.users.findMember(id);
	}

	@Transactional(readOnly = true)
	public Optional<Member> findByEmail(String email) {
		return normalisedAddress(email).flatMap(this.users::findMemberByEmail);
	}

	/**
	 * Sets a member's username and display name (at first sign-in, or later from their settings).
	 * @throws InvalidProfileException when either cannot be used, with the reason
	 */
	@Transactional
	public Member chooseProfile(long memberId, String username, String displayName) {
		String handle = (username != null) ? username.strip() : "";
		String name = (displayName != null) ? displayName.strip() : "";
		if (!USERNAME.matcher(handle).matches()) {
			throw new InvalidProfileException(
					"A username has 2 to 39 letters, digits, '-' or '_', and starts with a letter or a digit.");
		}
		if (RESERVED.contains(handle.toLowerCase(Locale.ROOT)) || this.users.usernameTaken(handle, memberId)) {
			throw new InvalidProfileException("The username " + handle + " is taken; choose another.");
		}
		if (name.isEmpty() || name.length() > 100 || name.codePoints().anyMatch(Character::isISOControl)) {
			throw new InvalidProfileException("A display name has 1 to 100 characters on one line.");
		}
		this.users.updateProfile(memberId, handle, name);
		return this.users.findMember(memberId).orElseThrow();
	}

	/**
	 * Grants a role to the member with this address, making the account if there is none yet (the
	 * person chooses a username at their first sign-in).
	 * @throws IllegalArgumentException when the address cannot be one
	 */
	@Transactional
	public Member grant(String email, Role role) {
		String address = address(email);
		Member member = this.users.findMemberByEmail(address)
			.orElseGet(() -> this.users.insertMember(address, placeholderUsername(), this.clock.instant()));
		this.users.grant(member.id(), role);
		return this.users.findMember(member.id()).orElseThrow();
	}

	@Transactional
	public Member revoke(long memberId, Role role) {
		this.users.revoke(memberId, role);
		return this.users.findMember(memberId).orElseThrow();
	}

	/** Everyone with a role, for the administrators' page. */
	@Transactional(readOnly = true)
	public List<Member> withRoles() {
		return this.users.membersWithRoles();
	}

	/**
	 * Lets the person with this address sign in as a submitter an import created (an administrator
	 * does this once they know who the submitter is).
	 * @throws IllegalArgumentException when there is no such user, the address is in use, or the
	 * user already has an address
	 */
	@Transactional
	public Member link(String username, String email) {
		String address = address(email);
		User user = this.users.findByUsername(username)
			.orElseThrow(() -> new IllegalArgumentException("No user named " + username));
		if (this.users.findMemberByEmail(address).isPresent()) {
			throw new IllegalArgumentException(address + " already belongs to an account");
		}
		Member existing = this.users.findMember(user.id()).orElseThrow();
		if (existing.email() != null) {
			throw new IllegalArgumentException(username + " already signs in as " + existing.email());
		}
		this.users.linkEmail(user.id(), address);
		return this.users.findMember(user.id()).orElseThrow();
	}

	private static String address(String email) {
		try {
			return MailAddress.normalise(email);
		}
		catch (InvalidMailAddressException ex) {
			throw new IllegalArgumentException(MailAddress.NOT_AN_ADDRESS.equals(ex.getMessage())
					? "Not an email address: " + email : email + ": " + ex.getMessage(), ex);
		}
	}

	private static String placeholderUsername() {
		byte[] bytes = new byte[6];
		RANDOM.nextBytes(bytes);
		return "member-" + HexFormat.of().formatHex(bytes);
	}

}
