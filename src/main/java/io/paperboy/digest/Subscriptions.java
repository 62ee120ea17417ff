package io.paperboy.digest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.paperboy.account.Accounts;
import io.paperboy.account.Member;
import io.paperboy.mail.InvalidMailAddressException;
import io.paperboy.mail.MailAddress;
import io.paperboy.mail.MailMessage;
import io.paperboy.mail.Mailer;
import io.paperboy.web.RateLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Subscribing, confirming, changing preferences and leaving. Every step past the first is reached
 * through a {@link SignedLinks signed link} mailed to the address, so holding the link is the proof
 * of owning the address; no sign-in is needed.
 */
@Service
class Subscriptions {

	private static final Logger logger = LoggerFactory.getLogger(Subscriptions.class);

	private final SubscriptionRepository repository;

	private final SignedLinks links;

	private final Mailer mailer;

	private final RateLimits limits;

	private final DigestProperties properties;

	private final Clock clock;

	private final Accounts accounts;

	Subscriptions(SubscriptionRepository repository, SignedLinks links, Mailer mailer, RateLimits limits,
			DigestProperties properties, Clock clock, Accounts accounts) {
		this.accounts = accounts;
		this.repository = repository;
		this.links = links;
		this.mailer = mailer;
		this.limits = limits;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Someone asked for digests at this address. Whatever the address's state, the caller answers
	 * the same words: a new or pending address is sent the confirmation link, an unsubscribed one
	 * too, and a subscribed one a note with its preferences link. So the form tells nobody whether
	 * an address is subscribed, and it cannot subscribe anyone who does not confirm.
	 * <p>
	 * A signed-in member asking at their own address is subscribed at once, with no mail: signing in
	 * proved the address, as it does for {@link #saveForMember}. (The form needs no CSRF token, but the
	 * session cookie is {@code SameSite=Lax}, so another site's form posts here without it, as a
	 * visitor, and gets the confirmation mail like anyone.)
	 * @param address what was typed
	 * @param client the client's network address, for the rate limit
	 * @param member the signed-in member, or {@code null}
	 * @throws InvalidAddressException when it cannot be a mail address
	 * @throws io.paperboy.web.TooManyRequestsException past the rate limits
	 * @throws io.paperboy.mail.MailFailure when the message could not be sent; nothing is lost, the
	 * person can ask again
	 * @return whether the address was subscribed at once or asked to confirm
	 */
	Request subscribe(String address, String client, Member member) {
		String email;
		try {
			email = MailAddress.normalise(address);
		}
		catch (InvalidMailAddressException ex) {
			throw new InvalidAddressException(ex.getMessage());
		}
		this.limits.take(List.of(
				new RateLimits.Limit("digest subscribe", "client " + client, this.properties.subscribesPerClient(),
						Duration.ofHours(1), "Too many subscription requests from here; try again in an hour."),
				new RateLimits.Limit("digest subscribe", "address " + email, this.properties.subscribesPerAddress(),
						Duration.ofDays(1), "Too many subscription requests for this address today; try again tomorrow.")));
		Instant now = this.clock.instant();
		Long memberId = (member != null && member.email().equalsIgnoreCase(email)) ? member.id() : null;
		Subscription subscription = this.repository.findByEmail(email).orElse(null);
		if (subscription == null) {
			this.repository.insertPending(email, Preferences.defaults(), memberId, now);
			// a concurrent request may have made it: either way there is one now
			subscription = this.repository.findByEmail(email).orElseThrow();
		}
		else {
			this.repository.markRequested(subscription.id(), now);
			if (memberId != null && subscription.userId() == null) {
				this.repository.linkUser(subscription.id(), memberId);
			}
		}
		if (memberId != null) {
			if (!subscription.isConfirmed()) {
				this.repository.confirm(subscription.id(), now);
				logger.info("Digest subscription {} confirmed by its signed-in member", subscription.id());
			}
			return Request.SUBSCRIBED;
		}
		if (subscription.isConfirmed()) {
			this.mailer.send(alreadySubscribed(subscription));
		}
		else {
			this.mailer.send(confirmation(subscription));
		}
		return Request.MAILED;
	}

	/** What came of a request to subscribe. */
	enum Request {

		/** A message went to the address: a link to confirm, or to the preferences of a subscription. */
		MAILED,

		/** The signed-in member's own address is subscribed now. */
		SUBSCRIBED

	}

	/** The subscription a link names, when the link is genuine and made for this purpose. */
	Optional<Subscription> byLink(String token, LinkPurpose purpose) {
		return SignedLinks.idOf(token)
			.flatMap(this.repository::find)
			.filter((subscription) -> this.links.verify(token, subscription, purpose));
	}

	/** Confirms a subscription; confirming twice does no harm. */
	Subscription confirm(Subscription subscription) {
		if (!subscription.isConfirmed()) {
			this.repository.confirm(subscription.id(), this.clock.instant());
			logger.info("Digest subscription {} confirmed", subscription.id());
		}
		return this.repository.find(subscription.id()).orElseThrow();
	}

	/** Stops digests to this address at once. */
	Subscription unsubscribe(Subscription subscription) {
		this.repository.unsubscribe(subscription.id(), this.clock.instant());
		return this.repository.find(subscription.id()).orElseThrow();
	}

	/** Back from the unsubscribe link: the address proved itself by holding it, so no new confirmation. */
	Subscription resubscribe(Subscription subscription) {
		return confirm(subscription);
	}

	/**
	 * Saves preferences from the signed preferences link.
	 * @throws InvalidPreferencesException when they ask for the "For you" order and no member has the address
	 */
	Subscription savePreferences(Subscription subscription, Preferences preferences) {
		if (preferences.ordering().needsAccount() && !hasAccount(subscription)) {
			throw new InvalidPreferencesException("“For you” orders papers by what a member saves, upvotes and follows: "
					+ "sign up or sign in with " + subscription.email() + " to choose it.");
		}
		this.repository.savePreferences(subscription.id(), preferences);
		return this.repository.find(subscription.id()).orElseThrow();
	}

	/**
	 * Whether a member is behind the subscription: the one it is linked to, or one with its address. Only
	 * they can have a digest in the "For you" order.
	 */
	boolean hasAccount(Subscription subscription) {
		return ((subscription.userId() != null) ? this.accounts.find(subscription.userId())
				: this.accounts.findByEmail(subscription.email())).isPresent();
	}

	/** A member's subscription: the one linked to them, or the one at their address. */
	Optional<Subscription> ofMember(Member member) {
		return this.repository.findByUser(member.id()).or(() -> this.repository.findByEmail(member.email()));
	}

	/**
	 * A signed-in member sets their subscription. Their address was proved when they signed in, so
	 * it is confirmed at once (or left, when {@code subscribed} is false).
	 */
	Subscription saveForMember(Member member, Preferences preferences, boolean subscribed) {
		Instant now = this.clock.instant();
		Subscription subscription = ofMember(member).orElse(null);
		if (subscription == null) {
			this.repository.insertPending(member.email(), preferences, member.id(), now);
			subscription = this.repository.findByEmail(member.email()).orElseThrow();
		}
		if (subscription.userId() == null) {
			this.repository.linkUser(subscription.id(), member.id());
		}
		this.repository.savePreferences(subscription.id(), preferences);
		if (subscribed) {
			this.repository.confirm(subscription.id(), now);
		}
		else {
			this.repository.unsubscribe(subscription.id(), now);
		}
		return this.repository.find(subscription.id()).orElseThrow();
	}

	/** Drops subscriptions nobody confirmed within {@code paperboy.digest.pending-for}. */
	int dropUnconfirmed() {
		int dropped = this.repository.dropUnconfirmed(this.clock.instant().minus(this.properties.pendingFor()));
		if (dropped > 0) {
			logger.info("Dropped {} unconfirmed digest subscriptions", dropped);
		}
		return dropped;
	}

	Optional<Subscription> byEmail(String address) {
		return Accounts.normalisedAddress(address).flatMap(this.repository::findByEmail);
	}

	Map<Status, Long> countByStatus() {
		return this.repository.countByStatus();
	}

	private MailMessage confirmation(Subscription subscription) {
		String link = this.links.url(subscription, LinkPurpose.CONFIRM);
		String text = """
				Someone, hopefully you, asked for Paperboy's digest of trending papers at this address.

				To start receiving it, confirm here:
				%s

				If it wasn't you, ignore this message: you will get nothing else from us, and the
				request is forgotten in %d days.
				""".formatted(link, this.properties.pendingFor().toDays());
		String html = """
				<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="color-scheme" content="light dark"></head>
				<body style="font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; line-height: 1.5;">
				<p>Someone, hopefully you, asked for Paperboy's digest of trending papers at this address.</p>
				<p><a href="%s" style="font-weight: bold;">Confirm your subscription</a></p>
				<p style="color: #666;">If it wasn't you, ignore this message: you will get nothing else from us,
				and the request is forgotten in %d days.</p>
				</body></html>
				""".formatted(link, this.properties.pendingFor().toDays());
		return MailMessage.transactional(subscription.email(), "Confirm your Paperboy digest subscription", text, html);
	}

	private MailMessage alreadySubscribed(Subscription subscription) {
		String link = this.links.url(subscription, LinkPurpose.PREFERENCES);
		String text = """
				Someone, hopefully you, asked for Paperboy's digest at this address: it is already
				subscribed, so nothing has changed.

				To change what you get, or when:
				%s
				""".formatted(link);
		String html = """
				<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="color-scheme" content="light dark"></head>
				<body style="font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; line-height: 1.5;">
				<p>Someone, hopefully you, asked for Paperboy's digest at this address: it is already subscribed,
				so nothing has changed.</p>
				<p><a href="%s">Change what you get, or when</a></p>
				</body></html>
				""".formatted(link);
		return MailMessage.transactional(subscription.email(), "Your Paperboy digest subscription", text, html);
	}

}
