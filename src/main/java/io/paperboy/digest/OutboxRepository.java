package io.paperboy.digest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.paperboy.Databases;
import io.paperboy.mail.MailMessage;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import static io.paperboy.digest.SubscriptionRepository.instant;
import static io.paperboy.digest.SubscriptionRepository.timestamp;

/**
 * The digest outbox in SQL. Composing writes a row in the transaction that claims the period;
 * senders claim rows, send them and mark them. A row is claimable when it is queued, deferred and
 * due again, or claimed by a sender whose lease ran out (a sender that died). On PostgreSQL a
 * claim is one statement that skips rows other senders hold ({@code FOR UPDATE SKIP LOCKED}); on
 * H2 each candidate is taken by an update that only succeeds while the row is still claimable, so
 * of two senders racing for a row exactly one gets an update count of one.
 */
@Repository
class OutboxRepository {

	private static final String CLAIMABLE = """
			((state in ('queued', 'deferred') and next_attempt_at <= :now)
			    or (state = 'sending' and claimed_at < :leaseStart))
			""";

	/**
	 * The claimable rows, one kind at a time, each read in the order of the index on
	 * {@code (state, next_attempt_at)}, so that a claim reads the rows it takes rather than every
	 * row the outbox holds: claims that a dead sender's lease let go, retries that are due, then
	 * what is queued, oldest first.
	 */
	private static final List<String> CLAIMABLE_KINDS = List.of("state = 'sending' and claimed_at < :leaseStart",
			"state = 'deferred' and next_attempt_at <= :now", "state = 'queued' and next_attempt_at <= :now");

	private static final String CLAIM = """
			set state = 'sending', claimed_by = :sender, claimed_at = :now, attempts = attempts + 1,
			    first_attempt_at = coalesce(first_attempt_at, :now)
			""";

	private static final String COLUMNS = """
			o.id, o.subscription_id, o.period, o.recipient, o.subject, o.body_text, o.body_html, o.headers,
			o.message_id, o.composition, o.attempts, o.first_attempt_at, (s.suppressed_at is not null or s.status <> 'confirmed') as withdrawn
			""";

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	private final TransactionTemplate transactions;

	private final boolean postgres;

	OutboxRepository(JdbcClient jdbc, JdbcTemplate batches, TransactionTemplate transactions, DataSource dataSource) {
		this.jdbc = jdbc;
		this.batches = batches;
		this.transactions = transactions;
		this.postgres = Databases.isPostgres(dataSource);
	}

	/**
	 * Claims the period and queues its digest, in one transaction, and moves the subscription's
	 * next digest to start after it. The composition also records which papers were sent
	 * ({@link SubscriptionRepository#sentPapers}). Every attempt sends it under {@code messageId}.
	 * @return whether it was queued; {@code false} when the period was already taken
	 */
	boolean enqueue(long subscriptionId, String period, String recipient, Composition composition, String messageId,
			Instant now) {
		return enqueueAll(List.of(new Queued(subscriptionId, period, recipient, composition, messageId)), now).get(0);
	}

	/**
	 * Queues many digests as {@link #enqueue} does, in one transaction with a batch of each
	 * statement, which costs the database far less than one transaction each. When a period in the
	 * batch was taken already (a second node, a rerun) the batch is undone and each digest is queued
	 * on its own.
	 * @return for each digest, in order, whether it was queued
	 */
	List<Boolean> enqueueAll(List<Queued> digests, Instant now) {
		if (digests.isEmpty()) {
			return List.of();
		}
		try {
			this.transactions.executeWithoutResult((status) -> insert(digests, now));
			return digests.stream().map((digest) -> true).toList();
		}
		catch (DuplicateKeyException ex) {
			if (digests.size() == 1) {
				return List.of(false);
			}
			return digests.stream().map((digest) -> enqueueAll(List.of(digest), now).get(0)).toList();
		}
	}

	private void insert(List<Queued> digests, Instant now) {
		OffsetDateTime at = timestamp(now);
		this.batches.batchUpdate("""
				insert into digest_deliveries (subscription_id, period, state, paper_count, created_at)
				values (?, ?, 'queued', ?, ?)
				""", digests.stream()
			.map((digest) -> new Object[] { digest.subscriptionId(), digest.period(), digest.composition().items().size(), at })
			.toList());
		this.batches.batchUpdate("""
				insert into digest_outbox (subscription_id, period, recipient, composition, message_id, state,
				    next_attempt_at, created_at)
				values (?, ?, ?, ?, ?, 'queued', ?, ?)
				""", digests.stream()
			.map((digest) -> new Object[] { digest.subscriptionId(), digest.period(), digest.recipient(),
					digest.composition().text(), digest.messageId(), at, at })
			.toList());
		this.batches.batchUpdate("update digest_subscriptions set last_sent_at = ? where id = ?", digests.stream()
			.map((digest) -> new Object[] { timestamp(digest.composition().until()), digest.subscriptionId() })
			.toList());
	}

	/**
	 * Claims up to {@code limit} rows for one sender.
	 * @param leaseStart rows claimed before this by a sender that has not marked them are claimed again
	 */
	List<OutboxMessage> claim(String sender, int limit, Instant now, Instant leaseStart) {
		return markSentAndClaim(List.of(), sender, limit, now, leaseStart);
	}

	/**
	 * Marks the rows of the sender's last batch that the relay accepted ({@link #markSent}) and
	 * claims its next batch ({@link #claim}), in one transaction: a commit a batch rather than two.
	 * Nothing is lost by waiting for the next claim: until their mark commits, the accepted rows
	 * stay claimed, as they would had the sender died just after the relay's answer.
	 * @param sent the rows to mark sent, of this sender's last batch
	 * @param now when they were sent, and when the new batch is claimed
	 */
	List<OutboxMessage> markSentAndClaim(List<OutboxMessage> sent, String sender, int limit, Instant now,
			Instant leaseStart) {
		List<Long> ids = this.transactions.execute((status) -> {
			markSentNow(sent, now);
			return this.postgres ? claimSkippingLocked(sender, limit, now, leaseStart)
					: claimOneByOne(sender, limit, now, leaseStart);
		});
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select " + COLUMNS
				+ " from digest_outbox o join digest_subscriptions s on s.id = o.subscription_id where o.id in (:ids) order by o.id")
			.param("ids", ids)
			.query(OutboxRepository::message)
			.list();
	}

	private List<Long> claimSkippingLocked(String sender, int limit, Instant now, Instant leaseStart) {
		List<Long> claimed = new ArrayList<>();
		for (String kind : CLAIMABLE_KINDS) {
			if (claimed.size() == limit) {
				break;
			}
			claimed.addAll(this.jdbc.sql("update digest_outbox " + CLAIM + " where id in (select id from digest_outbox where "
					+ kind + " order by state, next_attempt_at limit :limit for update skip locked) returning id")
				.param("sender", sender)
				.param("now", timestamp(now))
				.param("leaseStart", timestamp(leaseStart))
				.param("limit", limit - claimed.size())
				.query(Long.class)
				.list());
		}
		return claimed;
	}

	/**
	 * Claims row by row, each update taking its row only while it is still claimable, all in one
	 * transaction: one commit a batch. With the embedded database's {@code WRITE_DELAY=0} every
	 * commit writes the changed pages to disk, and a commit per row cost the senders more than
	 * writing and sending their messages. A sender that reaches a row another one has just claimed
	 * waits for that claim's commit, finds the row no longer claimable and goes on to the next.
	 */
	private List<Long> claimOneByOne(String sender, int limit, Instant now, Instant leaseStart) {
		List<Long> claimed = new ArrayList<>();
		for (String kind : CLAIMABLE_KINDS) {
			if (claimed.size() == limit) {
				break;
			}
			List<Long> candidates = this.jdbc
				.sql("select id from digest_outbox where " + kind + " order by state, next_attempt_at limit :limit")
				.param("now", timestamp(now))
				.param("leaseStart", timestamp(leaseStart))
				.param("limit", (limit - claimed.size()) * 2)
				.query(Long.class)
				.list();
			for (long id : candidates) {
				if (claimed.size() == limit) {
					break;
				}
				int taken = this.jdbc.sql("update digest_outbox " + CLAIM + " where id = :id and " + CLAIMABLE)
					.param("sender", sender)
					.param("now", timestamp(now))
					.param("leaseStart", timestamp(leaseStart))
					.param("id", id)
					.update();
				if (taken == 1) {
					claimed.add(id);
				}
			}
		}
		return claimed;
	}

	/** The relay accepted them: marked in one transaction. */
	void markSent(List<OutboxMessage> rows, Instant now) {
		if (!rows.isEmpty()) {
			this.transactions.executeWithoutResult((status) -> markSentNow(rows, now));
		}
	}

	private void markSentNow(List<OutboxMessage> rows, Instant now) {
		if (rows.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				update digest_outbox set state = 'sent', sent_at = :now, claimed_by = null, last_error = null
				where id in (:ids)
				""").param("ids", rows.stream().map(OutboxMessage::id).toList()).param("now", timestamp(now)).update();
		// a statement per row: each finds its row by the key, where one statement for all would read them all
		this.batches.batchUpdate("""
				update digest_deliveries set state = 'sent', sent_at = ? where subscription_id = ? and period = ?
				""", rows.stream().map((row) -> new Object[] { timestamp(now), row.subscriptionId(), row.period() }).toList());
	}

	/** Refused for now: tried again from {@code nextAttemptAt}. */
	void defer(OutboxMessage row, String error, Instant nextAttemptAt) {
		this.jdbc.sql("""
				update digest_outbox set state = 'deferred', next_attempt_at = :next, claimed_by = null,
				    last_error = :error
				where id = :id
				""").param("id", row.id()).param("next", timestamp(nextAttemptAt)).param("error", shortened(error)).update();
	}

	/** Given up: refused for good, or for too long. */
	void fail(OutboxMessage row, String error, Instant now) {
		end(row, "failed", error, now);
	}

	/** Not sent: the address was suppressed or unsubscribed after the digest was composed. */
	void withdraw(OutboxMessage row, Instant now) {
		end(row, "suppressed", null, now);
	}

	private void end(OutboxMessage row, String state, String error, Instant now) {
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.sql("""
					update digest_outbox set state = :state, claimed_by = null, last_error = :error where id = :id
					""").param("id", row.id()).param("state", state).param("error", shortened(error)).update();
			delivery(row, state, now);
		});
	}

	private void delivery(OutboxMessage row, String state, Instant now) {
		this.jdbc.sql("""
				update digest_deliveries set state = :state, sent_at = :sentAt where subscription_id = :id and period = :period
				""")
			.param("state", state)
			.param("sentAt", state.equals("sent") ? timestamp(now) : null)
			.param("id", row.subscriptionId())
			.param("period", row.period())
			.update();
	}

	/**
	 * Records a hard bounce against the row's address and gives the row up.
	 * @return whether the address is now suppressed
	 */
	boolean bounce(OutboxMessage row, String error, int suppressAfter, Instant now) {
		Boolean suppressed = this.transactions.execute((status) -> {
			this.jdbc.sql("update digest_outbox set state = 'failed', claimed_by = null, last_error = :error where id = :id")
				.param("id", row.id())
				.param("error", shortened(error))
				.update();
			delivery(row, "failed", now);
			this.jdbc.sql("""
					update digest_subscriptions set hard_bounces = hard_bounces + 1, last_bounce = :error,
					    suppressed_at = case when hard_bounces + 1 >= :after and suppressed_at is null then :now
					        else suppressed_at end
					where id = :id
					""")
				.param("id", row.subscriptionId())
				.param("error", shortened(error))
				.param("after", suppressAfter)
				.param("now", timestamp(now))
				.update();
			return this.jdbc.sql("select suppressed_at is not null from digest_subscriptions where id = :id")
				.param("id", row.subscriptionId())
				.query(Boolean.class)
				.single();
		});
		return Boolean.TRUE.equals(suppressed);
	}

	/** Rows by state, for the admin page and tests. */
	Map<String, Long> countByState() {
		Map<String, Long> counts = new java.util.TreeMap<>();
		this.jdbc.sql("select state, count(*) from digest_outbox group by state")
			.query((rs) -> {
				counts.put(rs.getString(1), rs.getLong(2));
			});
		return counts;
	}

	/** The state and last error of a subscription's digest for a period, or {@code null}. */
	String state(long subscriptionId, String period) {
		return this.jdbc.sql("select state from digest_outbox where subscription_id = :id and period = :period")
			.param("id", subscriptionId)
			.param("period", period)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	/**
	 * A digest to queue.
	 *
	 * @param subscriptionId whose it is
	 * @param period the period it claims
	 * @param recipient the address it goes to
	 * @param composition what it is made of
	 * @param messageId the {@code Message-ID} every attempt sends it under
	 */
	record Queued(long subscriptionId, String period, String recipient, Composition composition, String messageId) {
	}

	private static String shortened(String error) {
		return (error != null && error.length() > 1000) ? error.substring(0, 1000) : error;
	}

	private static OutboxMessage message(ResultSet rs, int row) throws SQLException {
		String composition = rs.getString("composition");
		MailMessage message = null;
		if (composition == null) {
			// a row queued with its whole message, before compositions were kept
			Map<String, String> headers = OutboxMessage.headers(rs.getString("headers"));
			message = new MailMessage(rs.getString("recipient"), rs.getString("subject"), rs.getString("body_text"),
					rs.getString("body_html"), headers, MailMessage.Kind.BULK);
		}
		return new OutboxMessage(rs.getLong("id"), rs.getLong("subscription_id"), rs.getString("period"),
				rs.getString("message_id"), composition, message, rs.getInt("attempts"), instant(rs, "first_attempt_at"),
				rs.getBoolean("withdrawn"));
	}

}
