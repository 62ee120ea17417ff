package io.paperboy.digest;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.paperboy.support.EmbeddedPostgresSupport;
import io.paperboy.support.NodeProcess;
import io.paperboy.support.ScriptedSmtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The drill for digests on several nodes: three application nodes, each its own JVM, on one
 * PostgreSQL database and one relay, run the {@code digest-run} job from db-scheduler; the node
 * that is sending is killed with SIGKILL in the middle of the run (paused first, so that the messages
 * it holds are read while it can no longer change them). Once db-scheduler sees the dead
 * node's run go quiet and the dead senders' leases run out, the survivors send the rest: every
 * subscriber has their digest at the relay. The only messages that came twice are messages the
 * dead node held claimed when it died (the relay may have accepted them before the node could mark
 * them sent), each at most twice and with the same {@code Message-ID}, so a mail program shows one.
 */
@Tag("process")
class DigestNodeKilledDrillTests {

	private static final int NODES = 3;

	private static final int SUBSCRIBERS = 200;

	/** Messages the relay takes before the sending node is killed: the run is well under way, far from done. */
	private static final int KILLED_AFTER = 40;

	private final List<NodeProcess> nodes = new ArrayList<>();

	@TempDir
	Path directory;

	@AfterEach
	void killNodes() {
		this.nodes.forEach(NodeProcess::close);
	}

	@Test
	void theSurvivorsOfANodeKilledMidRunSendEveryDigestAndRepeatOnlyWhatTheDeadNodeHeld() throws Exception {
		String url = EmbeddedPostgresSupport.freshDatabaseUrl();
		try (ScriptedSmtpServer relay = ScriptedSmtpServer.start()) {
			for (int i = 0; i < NODES; i++) {
				this.nodes.add(NodeProcess.start("node" + i, this.directory, arguments(url, relay)));
			}
			for (NodeProcess node : this.nodes) {
				node.awaitReady(Duration.ofSeconds(120));
			}
			JdbcClient database = JdbcClient.create(new DriverManagerDataSource(url, EmbeddedPostgresSupport.username(), ""));
			subscribe(database);

			// the next run (every two seconds) composes every digest; kill the node whose senders hold some,
			// paused while the claims are read: a sender may finish its batch between a look and a kill
			NodeProcess sending = await().atMost(Duration.ofSeconds(60))
				.until(() -> (relay.received().size() >= KILLED_AFTER) ? pausedHoldingClaims(database)
						: Optional.<NodeProcess>empty(), Optional::isPresent)
				.orElseThrow();
			Set<String> held = claimedBy(database, sending);
			sending.kill();
			assertThat(held).as("what the killed node was sending when it died").isNotEmpty();
			assertThat(relay.received()).as("the run was under way, far from done").hasSizeLessThan(SUBSCRIBERS);

			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(database.sql("select state, count(*) from digest_outbox group by state")
					.query((row, n) -> Map.entry(row.getString(1), row.getLong(2)))
					.list()).containsExactly(Map.entry("sent", (long) SUBSCRIBERS)));

			Map<String, List<String>> messageIds = relay.received()
				.stream()
				.collect(Collectors.groupingBy((message) -> message.recipients().get(0),
						Collectors.mapping(DigestNodeKilledDrillTests::messageId, Collectors.toList())));
			assertThat(messageIds).as("every subscriber has their digest").hasSize(SUBSCRIBERS);
			Map<String, List<String>> twice = messageIds.entrySet()
				.stream()
				.filter((entry) -> entry.getValue().size() > 1)
				.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
			assertThat(held).as("only what the dead node held came twice").containsAll(twice.keySet());
			assertThat(twice.values()).allMatch((ids) -> ids.size() == 2);
			assertThat(messageIds.values()).as("a repeat is the same message").allMatch((ids) -> Set.copyOf(ids).size() == 1);
			assertThat(messageIds.values().stream().map((ids) -> ids.get(0)).collect(Collectors.toSet()))
				.hasSize(SUBSCRIBERS);
			assertThat(this.nodes.stream().filter(NodeProcess::isAlive)).hasSize(NODES - 1);
		}
	}

	/**
	 * The scheduler on, looking for work twice a second and taking a node that missed four one-second
	 * heartbeats for dead; a run every two seconds; senders that go slowly enough to be caught
	 * sending, and leases short enough for a test, long enough that a live sender never outlasts its own.
	 */
	private static List<String> arguments(String url, ScriptedSmtpServer relay) {
		return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + EmbeddedPostgresSupport.username(),
				"--spring.datasource.password=", "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + relay.port(),
				"--db-scheduler.enabled=true", "--db-scheduler.polling-interval=500ms",
				"--db-scheduler.heartbeat-interval=1s", "--db-scheduler.missed-heartbeats-limit=4",
				"--paperboy.sources.arxiv.enabled=false", "--paperboy.sources.hf.enabled=false",
				"--paperboy.digest.run-cron=*/2 * * * * *", "--paperboy.digest.send-empty=true",
				"--paperboy.digest.batch-size=10", "--paperboy.digest.sender-threads=2",
				"--paperboy.digest.send-rate=20", "--paperboy.digest.lease=8s");
	}

	/** Confirmed subscribers, all at once, each due every day from midnight UTC. */
	private static void subscribe(JdbcClient database) {
		Instant now = Instant.now();
		database.sql("""
				insert into digest_subscriptions (email, status, cadence, weekday, delivery_hour, time_zone, paper_count,
				    categories, keywords, min_upvotes, ordering, created_at, requested_at, confirmed_at)
				select 'reader' || n || '@example.org', 'confirmed', 'daily', 1, 0, 'UTC', 10, '', '', 0, 'trending', :now, :now, :now
				from generate_series(1, :count) as n
				""").param("now", now.atOffset(ZoneOffset.UTC)).param("count", SUBSCRIBERS).update();
	}

	/**
	 * The live node whose senders hold claimed messages, if one does, paused: what it holds then stays
	 * held until it is killed. A node that, paused, holds nothing any more goes on.
	 */
	private Optional<NodeProcess> pausedHoldingClaims(JdbcClient database) {
		List<String> claimants = database.sql("select claimed_by from digest_outbox where state = 'sending'")
			.query(String.class)
			.list();
		Optional<NodeProcess> holding = this.nodes.stream()
			.filter(NodeProcess::isAlive)
			.filter((node) -> claimants.stream().anyMatch((claimant) -> claimant.startsWith(node.pid() + "@")))
			.findFirst();
		holding.ifPresent(NodeProcess::pause);
		if (holding.isPresent() && claimedBy(database, holding.get()).isEmpty()) {
			holding.get().resume();
			return Optional.empty();
		}
		return holding;
	}

	/**
	 * The recipients of the messages this node's senders hold. Read while the node is paused, it is
	 * what the node holds when killed, and perhaps a few that a statement it had already sent marks
	 * sent meanwhile: a message the survivors send again is one of these.
	 */
	private static Set<String> claimedBy(JdbcClient database, NodeProcess node) {
		return Set.copyOf(database.sql("select recipient from digest_outbox where state = 'sending' and claimed_by like :node")
			.param("node", node.pid() + "@%")
			.query(String.class)
			.list());
	}

	private static String messageId(ScriptedSmtpServer.Received message) {
		return message.text()
			.lines()
			.filter((line) -> line.regionMatches(true, 0, "Message-ID: ", 0, 12))
			.map((line) -> line.substring(12).strip())
			.findFirst()
			.orElseThrow();
	}

}
