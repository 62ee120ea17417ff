package io.paperboy.digest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Subscriptions, deliveries and sent papers, in SQL. */
@Repository
class SubscriptionRepository {

	private static final String COLUMNS = """
			id, email, status, cadence, weekday, delivery_hour, time_zone, paper_count, categories, keywords,
			min_upvotes, ordering, user_id, created_at, confirmed_at, last_sent_at
			""";

	private final JdbcClient jdbc;

	SubscriptionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Subscription> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from digest_subscriptions where id = :id")
			.param("id", id)
			.query(SubscriptionRepository::subscription)
			.optional();
	}

	/** The subscriptions with these ids that still exist, by id. */
	Map<Long, Subscription> findAll(List<Long> ids) {
		Map<Long, Subscription> found = new HashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc.sql("select " + COLUMNS + " from digest_subscriptions where id in (:ids)")
				.param("ids", ids)
				.query(SubscriptionRepository::subscription)
				.list()
				.forEach((subscription) -> found.put(subscription.id(), subscription));
		}
		return found;
	}

	Optional<Subscription> findByEmail(String email) {
		return this.jdbc.sql("select " + COLUMNS + " from digest_subscriptions where email = :email")
			.param("email", email)
			.query(SubscriptionRepository::subscription)
			.optional();
	}

	Optional<Subscription> findByUser(long userId) {
		return this.jdbc.sql("select " + COLUMNS + " from digest_subscriptions where user_id = :user order by id")
			.param("user", userId)
			.query(SubscriptionRepository::subscription)
			.list()
			.stream()
			.findFirst();
	}

	/** Confirmed subscriptions whose address is not suppressed: the ones that get digests. */
	List<Subscription> confirmed() {
		return this.jdbc.sql("select " + COLUMNS
				+ " from digest_subscriptions where status = 'confirmed' and suppressed_at is null order by id")
			.query(SubscriptionRepository::subscription)
			.list();
	}

	/** @return the new subscription's id, or empty when the address already has one */
	Optional<Long> insertPending(String email, Preferences preferences, Long userId, Instant now) {
		try {
			this.jdbc.sql("""
					insert into digest_subscriptions (email, status, cadence, weekday, delivery_hour, time_zone,
					    paper_count, categories, keywords, min_upvotes, ordering, user_id, created_at, requested_at)
					values (:email, 'pending', :cadence, :weekday, :hour, :zone, :papers, :categories, :keywords,
					    :minUpvotes, :ordering, :user, :now, :now)
					""")
				.params(preferenceParameters(preferences))
				.param("email", email)
				.param("user", userId)
				.param("now", timestamp(now))
				.update();
		}
		catch (DuplicateKeyException ex) {
			return Optional.empty();
		}
		return findByEmail(email).map(Subscription::id);
	}

	/** An unsubscribed address that asks again waits for confirmation again. */
	void markRequested(long id, Instant now) {
		this.jdbc.sql("""
				update digest_subscriptions set requested_at = :now,
				    status = case when status = 'unsubscribed' then 'pending' else status end
				where id = :id
				""").param("id", id).param("now", timestamp(now)).update();
	}

	void confirm(long id, Instant now) {
		this.jdbc.sql("""
				update digest_subscriptions set status = 'confirmed', confirmed_at = :now, unsubscribed_at = null
				where id = :id
				""").param("id", id).param("now", timestamp(now)).update();
	}

	void unsubscribe(long id, Instant now) {
		this.jdbc.sql("""
				update digest_subscriptions set status = 'unsubscribed', unsubscribed_at = :now
				where id = :id and status <> 'unsubscribed'
				""").param("id", id).param("now", timestamp(now)).update();
	}

	void savePreferences(long id, Preferences preferences) {
		this.jdbc.sql("""
				update digest_subscriptions set cadence = :cadence, weekday = :weekday, delivery_hour = :hour,
				    time_zone = :zone, paper_count = :papers, categories = :categories, keywords = :keywords,
				    min_upvotes = :minUpvotes, ordering = :ordering
				where id = :id
				""").params(preferenceParameters(preferences)).param("id", id).update();
	}

	void linkUser(long id, long userId) {
		this.jdbc.sql("update digest_subscriptions set user_id = :user where id = :id")
			.param("id", id)
			.param("user", userId)
			.update();
	}

	/**
	 * Drops requests nobody confirmed in time: a never-confirmed subscription is deleted, one that
	 * was confirmed before (and asked again after leaving) goes back to unsubscribed.
	 * @return how many requests were dropped
	 */
	int dropUnconfirmed(Instant requestedBefore) {
		int deleted = this.jdbc.sql("""
				delete from digest_subscriptions
				where status = 'pending' and confirmed_at is null and requested_at < :before
				""").param("before", timestamp(requestedBefore)).update();
		int reverted = this.jdbc.sql("""
				update digest_subscriptions set status = 'unsubscribed'
				where status = 'pending' and requested_at < :before
				""").param("before", timestamp(requestedBefore)).update();
		return deleted + reverted;
	}

	Map<Status, Long> countByStatus() {
		Map<Status, Long> counts = new LinkedHashMap<>();
		for (Status status : Status.values()) {
			counts.put(status, 0L);
		}
		this.jdbc.sql("select status, count(*) from digest_subscriptions group by status")
			.query((rs) -> {
				counts.put(Status.of(rs.getString(1)), rs.getLong(2));
			});
		return counts;
	}

	/**
	 * Claims the digest of one period: the unique key lets only one run, on one node, have it.
	 * @return whether this caller has it
	 */
	boolean claimPeriod(long subscriptionId, String period, int papers, Instant now) {
		try {
			this.jdbc.sql("""
					insert into digest_deliveries (subscription_id, period, state, paper_count, created_at)
					values (:id, :period, 'sending', :papers, :now)
					""")
				.param("id", subscriptionId)
				.param("period", period)
				.param("papers", papers)
				.param("now", timestamp(now))
				.update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	boolean hasPeriod(long subscriptionId, String period) {
		return !withPeriodTaken(Map.of(subscriptionId, period)).isEmpty();
	}

	/**
	 * Of these subscriptions, those whose period (the value) is taken already: one query for a run's
	 * block of subscribers rather than one each.
	 */
	Set<Long> withPeriodTaken(Map<Long, String> periods) {
		Set<Long> taken = new HashSet<>();
		if (periods.isEmpty()) {
			return taken;
		}
		this.jdbc.sql("select subscription_id, period from digest_deliveries where subscription_id in (:ids) "
				+ "and period in (:periods)")
			.param("ids", periods.keySet())
			.param("periods", Set.copyOf(periods.values()))
			.query((rs) -> {
				long id = rs.getLong(1);
				if (rs.getString(2).equals(periods.get(id))) {
					taken.add(id);
				}
			});
		return taken;
	}

	/**
	 * The papers a subscriber was sent in the digests queued after {@code after}: a digest reaches
	 * back {@link Digests#LONGEST_PERIOD} at most, so older ones cannot hold a paper it could pick.
	 * Also the papers recorded one by one before the outbox kept compositions.
	 */
	Set<String> sentPapers(long subscriptionId, Instant after) {
		return sentPapers(List.of(subscriptionId), after).get(subscriptionId);
	}

	/**
	 * The same for many subscribers in one query, as a run reads them for a block of subscribers:
	 * every one of them is in the map, with an empty set when they were sent nothing.
	 */
	Map<Long, Set<String>> sentPapers(Collection<Long> subscriptionIds, Instant after) {
		Map<Long, Set<String>> sent = new HashMap<>();
		subscriptionIds.forEach((id) -> sent.put(id, new HashSet<>()));
		if (subscriptionIds.isEmpty()) {
			return sent;
		}
		this.jdbc.sql("""
				select subscription_id, paper_id, null as composition from digest_sent_papers
				where subscription_id in (:ids)
				union all
				select subscription_id, null, composition from digest_outbox
				where subscription_id in (:ids) and created_at > :after and composition is not null
				""").param("ids", subscriptionIds).param("after", timestamp(after)).query((rs) -> {
				Set<String> papers = sent.get(rs.getLong(1));
				String paperId = rs.getString(2);
				if (paperId != null) {
					papers.add(paperId);
				}
				else {
					papers.addAll(Composition.parse(rs.getString(3)).paperIds());
				}
			});
		return sent;
	}

	long countDeliveries(long subscriptionId) {
		return this.jdbc.sql("select count(*) from digest_deliveries where subscription_id = :id and state = 'sent'")
			.param("id", subscriptionId)
			.query(Long.class)
			.single();
	}

	/** Addresses suppressed after hard bounces, most recent first. */
	List<Suppression> suppressed() {
		return this.jdbc.sql("""
				select id, email, hard_bounces, last_bounce, suppressed_at from digest_subscriptions
				where suppressed_at is not null order by suppressed_at desc, id
				""")
			.query((rs, row) -> new Suppression(rs.getLong("id"), rs.getString("email"), rs.getInt("hard_bounces"),
					rs.getString("last_bounce"), instant(rs, "suppressed_at")))
			.list();
	}

	/** Lifts a suppression: the address gets digests again, and its bounces start again from zero. */
	boolean lift(long id) {
		return this.jdbc.sql("""
				update digest_subscriptions set suppressed_at = null, hard_bounces = 0
				where id = :id and suppressed_at is not null
				""").param("id", id).update() == 1;
	}

	private static Map<String, Object> preferenceParameters(Preferences preferences) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("cadence", preferences.cadence().key());
		parameters.put("weekday", preferences.weekday().getValue());
		parameters.put("hour", preferences.hour());
		parameters.put("zone", preferences.zone().getId());
		parameters.put("papers", preferences.papers());
		parameters.put("categories", String.join(" ", preferences.categories()));
		parameters.put("keywords", String.join("\n", preferences.keywords()));
		parameters.put("minUpvotes", preferences.minUpvotes());
		parameters.put("ordering", preferences.ordering().key());
		return parameters;
	}

	private static Subscription subscription(ResultSet rs, int row) throws SQLException {
		Preferences preferences = new Preferences(Cadence.of(rs.getString("cadence")).orElse(Cadence.WEEKDAYS),
				DayOfWeek.of(rs.getInt("weekday")), rs.getInt("delivery_hour"), ZoneId.of(rs.getString("time_zone")),
				rs.getInt("paper_count"), words(rs.getString("categories"), " "), words(rs.getString("keywords"), "\n"),
				rs.getInt("min_upvotes"),
				// a value a later version wrote, read by this one: the order every subscriber can have
				Ordering.of(rs.getString("ordering")).orElse(Ordering.TRENDING));
		long user = rs.getLong("user_id");
		Long userId = rs.wasNull() ? null : user;
		return new Subscription(rs.getLong("id"), rs.getString("email"), Status.of(rs.getString("status")), preferences,
				userId, instant(rs, "created_at"), instant(rs, "confirmed_at"),
				instant(rs, "last_sent_at"));
	}

	private static List<String> words(String value, String separator) {
		return (value == null || value.isBlank()) ? List.of()
				: Arrays.stream(value.split(separator)).filter((word) -> !word.isBlank()).toList();
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	static OffsetDateTime timestamp(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

}
