package io.paperboy.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How often one account or one client may do one thing: at most {@code limit} times in any window
 * of {@code per} (a sliding window, so a burst at the end of one hour and the start of the next is
 * still one hour's worth).
 * <p>
 * The counts live in the database, so every node on the same database shares them: N nodes allow
 * the limit once, not N times. Each decision locks its key's row for the length of a short
 * transaction of its own, so two nodes deciding at once cannot both take the last place, and it
 * commits whatever the caller does next. Keys are stored as SHA-256 hashes: the table holds no
 * address in clear.
 */
@Component
public class RateLimits {

	/** Attempts older than this are forgotten by the hourly purge: no window is longer. */
	private static final Duration LONGEST_WINDOW = Duration.ofDays(2);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.MIN);

	RateLimits(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		// a decision commits on its own: a caller's rollback does not give the attempt back
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/**
	 * One limit on one thing someone does.
	 * @param action what is being done ("sign-in link", "vote")
	 * @param who the account, address or client it is counted against
	 * @param limit how many are allowed in any window
	 * @param per the window
	 * @param refusal what the person is told when it is refused
	 */
	public record Limit(String action, String who, int limit, Duration per, String refusal) {

		String key() {
			try {
				byte[] hash = MessageDigest.getInstance("SHA-256")
					.digest((this.action + '\u0000' + this.who).getBytes(StandardCharsets.UTF_8));
				return HexFormat.of().formatHex(hash);
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException("Every Java runtime has SHA-256", ex);
			}
		}

	}

	/**
	 * Counts one more {@code action} by {@code who}, or refuses it.
	 * @throws TooManyRequestsException when {@code who} has already done it {@code limit} times in
	 * the window; the refused attempt is not counted
	 * @see Limit
	 */
	public void take(String action, String who, int limit, Duration per, String refusal) {
		take(List.of(new Limit(action, who, limit, per, refusal)));
	}

	/**
	 * Counts one attempt against every one of {@code limits}, or against none of them: when any
	 * limit refuses, the attempt is refused and no limit counts it (asking too often for one address
	 * does not use up the places of the client that asked).
	 * @throws TooManyRequestsException with the first refusing limit's words
	 */
	public void take(List<Limit> limits) {
		Instant now = this.clock.instant();
		purgeNowAndThen(now);
		this.transactions.executeWithoutResult((status) -> {
			List<Keyed> keyed = new ArrayList<>();
			for (Limit limit : limits) {
				keyed.add(new Keyed(limit, limit.key()));
			}
			// locked in one order, so two decisions over the same keys cannot wait on each other
			keyed.stream().map(Keyed::key).distinct().sorted(Comparator.naturalOrder()).forEach(this::lock);
			for (Keyed each : keyed) {
				Instant windowStart = now.minus(each.limit().per());
				List<OffsetDateTime> recent = this.jdbc.sql("""
						select taken_at from rate_limit_events
						where key_hash = :key and taken_at > :start
						order by taken_at
						""")
					.param("key", each.key())
					.param("start", at(windowStart))
					.query(OffsetDateTime.class)
					.list();
				if (recent.size() >= each.limit().limit()) {
					Instant oldest = recent.get(recent.size() - each.limit().limit()).toInstant();
					throw new TooManyRequestsException(each.limit().refusal(),
							Duration.between(now, oldest.plus(each.limit().per())));
				}
			}
			for (Keyed each : keyed) {
				this.jdbc.sql("insert into rate_limit_events (key_hash, taken_at) values (:key, :at)")
					.param("key", each.key())
					.param("at", at(now))
					.update();
			}
		});
	}

	private void lock(String key) {
		boolean exists = !this.jdbc.sql("select key_hash from rate_limit_keys where key_hash = :key for update")
			.param("key", key)
			.query(String.class)
			.list()
			.isEmpty();
		if (!exists) {
			// another node may insert it first: then this one waits for that row, as it should
			this.jdbc.sql("insert into rate_limit_keys (key_hash) values (:key) on conflict do nothing")
				.param("key", key)
				.update();
			this.jdbc.sql("select key_hash from rate_limit_keys where key_hash = :key for update")
				.param("key", key)
				.query(String.class)
				.list();
		}
	}

	/** Forgets attempts no window can still count, at most once an hour on each node. */
	private void purgeNowAndThen(Instant now) {
		Instant last = this.lastPurge.get();
		boolean purgedLately = !now.isBefore(last) && now.isBefore(last.plus(Duration.ofHours(1)));
		if (purgedLately || !this.lastPurge.compareAndSet(last, now)) {
			return;
		}
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.sql("delete from rate_limit_events where taken_at < :before")
				.param("before", at(now.minus(LONGEST_WINDOW)))
				.update();
			this.jdbc.sql("""
					delete from rate_limit_keys k
					where not exists (select 1 from rate_limit_events e where e.key_hash = k.key_hash)
					""").update();
		});
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private record Keyed(Limit limit, String key) {
	}

}
