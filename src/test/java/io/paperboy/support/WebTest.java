package io.paperboy.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test of pages and API answers through MockMvc: the whole application on the embedded H2
 * database, with a {@link MutableClock} set to {@link MutableClock.Configuration#START} before each
 * test. Every test so annotated shares one application context, so a test empties the tables it
 * uses before it starts, and changes no setting: the settings below are those of all.
 * <ul>
 * <li>The site is {@code https://papers.example.org} ({@code paperboy.base-url}); MockMvc's own
 * {@code localhost} is one of the operators' hosts (see {@code config/application.properties}).</li>
 * <li>Mail goes over SMTP to {@link TestSmtp#relay()}, and arXiv's API is
 * {@link TestHttpServers#arxiv()}: servers shared by the whole test run ({@link TestServers}),
 * emptied of scripts and messages before each test ({@link ResetServers}). Other sources point at
 * closed local ports.</li>
 * <li>Outgoing HTTP requests are tried twice, 10 ms apart; arXiv may be asked every millisecond;
 * a submission waits 2 s for arXiv.</li>
 * <li>Lists and statistics are not cached ({@code paperboy.feed.cache-ttl},
 * {@code paperboy.stats.cache-ttl}), so a page shows what the test just stored.</li>
 * <li>Mail comes from {@code Paperboy Papers <papers@example.org>}; a subscriber with nothing new
 * still gets a digest ({@code paperboy.digest.send-empty}), and digests offer an unsubscribe
 * mailbox.</li>
 * <li>{@code /actuator/health} shows its components' details.</li>
 * <li>Rate limits start from nothing in each test ({@link ForgetRateLimits}).</li>
 * </ul>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(properties = { "paperboy.base-url=https://papers.example.org/", "paperboy.sources.http.max-attempts=2",
		"paperboy.sources.http.backoff=10ms", "paperboy.sources.http.max-backoff=20ms",
		"paperboy.sources.arxiv.request-interval=1ms", "paperboy.community.arxiv-deadline=2s",
		"paperboy.feed.cache-ttl=0s", "paperboy.stats.cache-ttl=0s", "paperboy.digest.send-empty=true",
		"paperboy.mail.from=Paperboy Papers <papers@example.org>",
		"paperboy.mail.unsubscribe-mailbox=unsubscribe@papers.example.org",
		"management.endpoint.health.show-details=always" })
@ContextConfiguration(initializers = TestServers.class)
@AutoConfigureMockMvc
@Import(MutableClock.Configuration.class)
@ExtendWith({ ResetClock.class, ResetServers.class, ForgetRateLimits.class })
public @interface WebTest {

}
