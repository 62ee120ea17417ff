package io.paperboy.digest;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import io.paperboy.PaperboyApplication;
import io.paperboy.support.EmbeddedPostgresSupport;
import io.paperboy.support.ScriptedSmtpServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes on one PostgreSQL database run the digests at the same moment, each with
 * two senders: every subscriber gets exactly one digest, counted at the relay.
 */
@Tag("process")
class DigestTwoNodesTests {

	private static final int SUBSCRIBERS = 300;

	@TempDir
	Path data;

	@Test
	void twoNodesRunningAtOnceSendEveryDigestExactlyOnce() throws Exception {
		List<String> database = List.of("--spring.datasource.url=" + EmbeddedPostgresSupport.freshDatabaseUrl(),
				"--spring.datasource.username=" + EmbeddedPostgresSupport.username(), "--spring.datasource.password=");
		try (ScriptedSmtpServer relay = ScriptedSmtpServer.start();
				ConfigurableApplicationContext nodeA = node(database, relay);
				ConfigurableApplicationContext nodeB = node(database, relay)) {
			SubscriptionRepository subscriptions = nodeA.getBean(SubscriptionRepository.class);
			Instant now = Instant.now();
			for (int i = 0; i < SUBSCRIBERS; i++) {
				long id = subscriptions.insertPending("reader" + i + "@example.org", Preferences.defaults(), null, now)
					.orElseThrow();
				subscriptions.confirm(id, now);
			}

			CompletableFuture<DigestRuns.RunReport> a = CompletableFuture
				.supplyAsync(() -> nodeA.getBean(DigestRuns.class).run(true));
			CompletableFuture<DigestRuns.RunReport> b = CompletableFuture
				.supplyAsync(() -> nodeB.getBean(DigestRuns.class).run(true));
			DigestRuns.RunReport reportA = a.get();
			DigestRuns.RunReport reportB = b.get();

			assertThat(reportA.composed() + reportB.composed()).isEqualTo(SUBSCRIBERS);
			assertThat(reportA.sent() + reportB.sent()).isEqualTo(SUBSCRIBERS);
			Map<String, Long> perRecipient = relay.received()
				.stream()
				.collect(Collectors.groupingBy((message) -> message.recipients().get(0), Collectors.counting()));
			assertThat(perRecipient).hasSize(SUBSCRIBERS);
			assertThat(perRecipient.values()).containsOnly(1L);
		}
	}

	private ConfigurableApplicationContext node(List<String> database, ScriptedSmtpServer relay) {
		List<String> arguments = new ArrayList<>(database);
		arguments.addAll(List.of("--spring.main.banner-mode=off", "--paperboy.data-dir=" + this.data,
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + relay.port(), "--paperboy.digest.send-empty=true",
				"--paperboy.digest.batch-size=10", "--paperboy.digest.sender-threads=2",
				"--paperboy.sources.arxiv.enabled=false", "--paperboy.sources.oai.enabled=false"));
		return new SpringApplicationBuilder(PaperboyApplication.class).web(WebApplicationType.NONE)
			.run(arguments.toArray(String[]::new));
	}

}
