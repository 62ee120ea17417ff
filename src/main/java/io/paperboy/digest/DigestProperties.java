package io.paperboy.digest;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Email digests: {@code paperboy.digest.*}.
 *
 * @param secret the key that signs the links in digest mail (confirm, preferences, unsubscribe);
 * set it from the environment ({@code PAPERBOY_DIGEST_SECRET}, 32 characters or more). Without
 * it a random key is made on first use and kept in the database, so links survive restarts and
 * work on every node; changing it breaks every link already mailed.
 * @param sendEmpty whether a subscriber with nothing new gets a digest saying so (default
 * {@code false}: nothing to send, nothing sent)
 * @param runCron when the scheduled run looks for digests that are due (default every 15
 * minutes, {@code 0 0/15 * * * *}; {@code -} switches it off)
 * @param pendingFor how long an unconfirmed subscription is kept before it is deleted (default 7
 * days)
 * @param subscribesPerClient how many subscribe requests one client address may make per hour
 * (default 10)
 * @param subscribesPerAddress how many subscribe requests may name one mail address per day, so
 * the form cannot be used to flood an inbox with confirmations (default 3)
 * @param sendRate how many digests per second leave at most, over all senders of this node (default
 * 0: as fast as the relay takes them)
 * @param senderThreads how many senders send from the outbox at once, each over its own connection
 * (default 2)
 * @param batchSize how many messages a sender claims at a time and sends over one connection
 * (default 20); a sender holds no more than this, and a crash can send at most these again
 * @param lease how long a claimed message stays with its sender: after that a sender that died is
 * taken to be gone and another claims it (default 10 minutes)
 */
@ConfigurationProperties("paperboy.digest")
record DigestProperties(String secret, boolean sendEmpty, String runCron, Duration pendingFor,
		@DefaultValue("10") int subscribesPerClient, @DefaultValue("3") int subscribesPerAddress, double sendRate,
		@DefaultValue("2") int senderThreads, @DefaultValue("20") int batchSize, Duration lease) {

	DigestProperties {
		secret = (secret == null || secret.isBlank()) ? null : secret.strip();
		runCron = (runCron == null || runCron.isBlank()) ? "0 0/15 * * * *" : runCron.strip();
		pendingFor = (pendingFor != null) ? pendingFor : Duration.ofDays(7);
		subscribesPerClient = (subscribesPerClient > 0) ? subscribesPerClient : 10;
		subscribesPerAddress = (subscribesPerAddress > 0) ? subscribesPerAddress : 3;
		sendRate = Math.max(sendRate, 0);
		senderThreads = (senderThreads > 0) ? senderThreads : 2;
		batchSize = (batchSize > 0) ? batchSize : 20;
		lease = (lease != null && !lease.isNegative() && !lease.isZero()) ? lease : Duration.ofMinutes(10);
	}

}
