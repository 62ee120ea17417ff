package io.paperboy.account;

import java.text.Normalizer;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import java.security.SecureRandom;

import io.paperboy.mail.DevMailbox;
import io.paperboy.mail.InvalidMailAddressException;
import io.paperboy.mail.MailAddress;
import io.paperboy.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
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

	/** The username rule in words, for the welcome page and its error messages. */
	public static final String USERNAME_RULE = "A username has 2 to 39 letters, digits, '-' or '_', and starts with a letter or a digit.";

	/** The display-name rule in words. */
	public static final String DISPLAY_NAME_RULE = "A display name has 1 to 100 characters on one line.";

	private static final int USERNAME_MAX = 39;

	private static final List<String> RESERVED = List.of("admin", "administrator", "api", "paperboy", "root",
			"system", "support", "signin", "moderator", "curator");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final UserRepository users;

	private final AccountProperties properties;

	private final ApplicationEventPublisher events;

	private final DevMailbox devMailbox;

	private final Clock clock;

	Accounts(UserRepository users, AccountProperties properties, ApplicationEventPublisher events, DevMailbox devMailbox,
			Clock clock) {
		this.users = users;
		this.properties = properties;
		this.events = events;
		this.devMailbox = devMailbox;
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
	 * The members with these addresses, each under the address as given (one that is no member's is
	 * left out), read in one query rather than one per address: a digest run looks up a block of
	 * subscribers at a time.
	 */
	@Transactional(readOnly = true)
	public Map<String, Member> findAllByEmail(Collection<String> emails) {
		Map<String, String> normalised = new HashMap<>();
		emails.forEach((email) -> normalisedAddress(email).ifPresent((address) -> normalised.put(email, address)));
		Map<String, Member> byAddress = this.users.findMembersByEmail(normalised.values());
		Map<String, Member> members = new HashMap<>();
		normalised.forEach((email, address) -> {
			Member member = byAddress.get(address);
			if (member != null) {
				members.put(email, member);
			}
		});
		return members;
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
			throw new InvalidProfileException(InvalidProfileException.USERNAME, USERNAME_RULE);
		}
		if (RESERVED.contains(handle.toLowerCase(Locale.ROOT)) || this.users.usernameTaken(handle, memberId)) {
			throw new InvalidProfileException(InvalidProfileException.USERNAME,
					"The username " + handle + " is taken; choose another.");
		}
		if (name.isEmpty() || name.length() > 100 || name.codePoints().anyMatch(Character::isISOControl)) {
			throw new InvalidProfileException(InvalidProfileException.DISPLAY_NAME, DISPLAY_NAME_RULE);
		}
		this.users.updateProfile(memberId, handle, name);
		return this.users.findMember(memberId).orElseThrow();
	}

	/**
	 * What a first-time member is offered on the welcome page: a username made from their address's
	 * local part (before any {@code +tag}) kept to the username rule and not yet taken (a number is
	 * added when it is), and a display name made from the same words ("ada.lovelace" → "Ada Lovelace").
	 */
	@Transactional(readOnly = true)
	public Profile suggestedProfile(Member member) {
		String local = (member.email() != null) ? member.email().substring(0, Math.max(member.email().indexOf('@'), 0)) : "";
		int tag = local.indexOf('+');
		if (tag >= 0) {
			local = local.substring(0, tag);
		}
		String base = usernameFrom(local);
		String handle = base;
		for (int n = 2; !isUsername(handle) || this.users.usernameTaken(handle, member.id()); n++) {
			String suffix = "-" + n;
			handle = base.substring(0, Math.min(base.length(), USERNAME_MAX - suffix.length())) + suffix;
		}
		return new Profile(handle, displayNameFrom(local, handle));
	}

	/**
	 * The local part of an address made into a username: lower case, other characters than letters and
	 * digits of ASCII, '-' and '_' become '-', repeated or leading '-' and '_' go, at most 39
	 * characters; "member" when nothing is left.
	 */
	static String usernameFrom(String local) {
		String ascii = Normalizer.normalize(local, Normalizer.Form.NFKD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT);
		String handle = ascii.replaceAll("[^a-z0-9_-]+", "-").replaceAll("[-_]{2,}", "-").replaceAll("^[-_]+", "");
		if (handle.length() > USERNAME_MAX) {
			handle = handle.substring(0, USERNAME_MAX);
		}
		handle = handle.replaceAll("[-_]+$", "");
		return (handle.length() < 2) ? "member" : handle;
	}

	/** The words of the local part (split at '.', '_', '-', '+' and digits), each capitalised; the username when there are none. */
	static String displayNameFrom(String local, String username) {
		StringBuilder name = new StringBuilder();
		for (String word : local.split("[._\\-+\\d\\s]+")) {
			if (word.isEmpty() || word.codePoints().anyMatch(Character::isISOControl)) {
				continue;
			}
			if (!name.isEmpty()) {
				name.append(' ');
			}
			name.appendCodePoint(Character.toTitleCase(word.codePointAt(0))).append(word.substring(Character.charCount(word.codePointAt(0))));
		}
		String result = name.toString();
		return (result.isEmpty() || result.length() > 100) ? username : result;
	}

	/**
	 * A username and display name offered to a member.
	 *
	 * @param username a username no other member has
	 * @param displayName a display name
	 */
	public record Profile(String username, String displayName) {
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
			.filter((found) -> !found.isDeleted())
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

	/**
	 * Deletes the member's account once they confirmed it by typing their username (case does not
	 * matter). Every module removes what it keeps for them ({@link MemberDeletedEvent}, in this
	 * transaction); their roles, sign-in links and sessions go (signed out everywhere), and the row
	 * that comments and submissions point at is kept without anything of them: no address, the name
	 * "a deleted member", a username nobody can choose ({@link User#isDeleted()}). The address may
	 * sign up again as a new member. See {@code docs/privacy.md}.
	 * @throws AccountDeletionRefusedException when the confirmation is not their username, or they
	 * are the last administrator; nothing is deleted then
	 * @throws NotFoundException when there is no such account (it was deleted already)
	 */
	@Transactional
	public void delete(long memberId, String confirmation) {
		Member member = this.users.findMember(memberId)
			.filter((found) -> !User.isDeleted(found.username()))
			.orElseThrow(() -> new NotFoundException("This account no longer exists."));
		String typed = (confirmation != null) ? confirmation.strip() : "";
		if (!typed.equalsIgnoreCase(member.username())) {
			throw new AccountDeletionRefusedException("To delete your account, type your username, " + member.username()
					+ ", in the box. Nothing was deleted.");
		}
		erase(member);
	}

	/**
	 * Deletes the account of the user with this username as {@link #delete} does, for an operator
	 * (the {@code user delete} verb), who is asked no confirmation.
	 * @throws IllegalArgumentException when no user has this username
	 * @throws AccountDeletionRefusedException when they are the last administrator
	 */
	@Transactional
	public void deleteByUsername(String username) {
		User user = this.users.findByUsername((username != null) ? username.strip() : "")
			.filter((found) -> !found.isDeleted())
			.orElseThrow(() -> new IllegalArgumentException("No user named " + username));
		erase(this.users.findMember(user.id()).orElseThrow());
	}

	private void erase(Member member) {
		// the administrators' rows locked: two of the last two deleting at once take turns, and one is refused
		if (member.isAdmin() && this.users.lockAdministrators() <= 1) {
			throw new AccountDeletionRefusedException("This is the only administrator's account. Make another member "
					+ "an administrator first (on /admin/users, or with: user grant-admin EMAIL), then delete it. "
					+ "Nothing was deleted.");
		}
		this.events.publishEvent(new MemberDeletedEvent(member.id(), member.email()));
		if (member.email() != null) {
			// the mail module keeps what it did not send (no SMTP server): sign-in links and digests to the address
			this.devMailbox.forget(member.email());
		}
		this.users.erase(member.id(), member.email(), User.DELETED_PREFIX + randomHex());
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
		return "member-" + randomHex();
	}

	private static String randomHex() {
		byte[] bytes = new byte[6];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

}
