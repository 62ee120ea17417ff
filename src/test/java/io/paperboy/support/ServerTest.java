package io.paperboy.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A test against a running server on a random port, over real sockets: browser tests (Chromium),
 * raw HTTP requests, clients that hang up. The whole application on the embedded H2 database, with
 * <ul>
 * <li>a {@link MutableClock} set to {@link MutableClock.Configuration#START} before each test;</li>
 * <li>the development outbox emptied and every rate limit forgotten before each test
 * ({@link EmptyOutboxAndLimits}): every test signs in from the same loopback address;</li>
 * <li>arXiv played by the {@link SharedArxivServer} (forgotten before each test), one attempt per
 * outgoing request and no wait between arXiv requests;</li>
 * <li>no cache of the trending lists or the statistics, so a page shows what the test just
 * stored;</li>
 * <li>{@code boss@example.org} an administrator as soon as it signs in
 * ({@code paperboy.accounts.admin-emails});</li>
 * <li>the {@link HeldAnswers} addresses, for tests of a client that hangs up mid-answer.</li>
 * </ul>
 * Every test so annotated shares one application context, so a test empties the tables it uses
 * before it starts ({@code @ExtendWith(EmptyCatalog.class)}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "paperboy.sources.http.max-attempts=1", "paperboy.sources.arxiv.request-interval=1ms",
				"paperboy.feed.cache-ttl=0s", "paperboy.stats.cache-ttl=0s",
				"paperboy.accounts.admin-emails=boss@example.org" })
@Import({ MutableClock.Configuration.class, SharedArxivServer.Configuration.class, HeldAnswers.Configuration.class })
@ExtendWith({ ResetClock.class, EmptyOutboxAndLimits.class, SharedArxivServer.class })
public @interface ServerTest {

}
