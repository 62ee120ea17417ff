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
 * A test of what the application stores, without a web server: the whole application on the
 * embedded H2 database, with a {@link MutableClock} (set to {@link MutableClock.Configuration#START}
 * before each test) and no cache of the trending lists. arXiv is played by the
 * {@link SharedArxivServer} (forgotten before each test), configured as an operator would: the
 * categories cs.CL and cs.LG, pages of 2 entries, {@code ops@example.org} as the contact, two
 * attempts per request with short waits, and arXiv's own pace between requests (3 seconds), which a
 * test checks is what production gets. Every test so annotated shares one application context,
 * so a test empties the tables it uses before it starts. Add {@link PostgresDatabase} to run the
 * same on PostgreSQL (again one context for all).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "paperboy.feed.cache-ttl=0s", "paperboy.sources.arxiv.categories=cs.CL,cs.LG",
				"paperboy.sources.arxiv.page-size=2",
				"paperboy.sources.contact=ops@example.org", "paperboy.sources.http.backoff=10ms",
				"paperboy.sources.http.max-backoff=50ms", "paperboy.sources.http.max-attempts=2" })
@Import({ MutableClock.Configuration.class, SharedArxivServer.Configuration.class })
@ExtendWith({ ResetClock.class, SharedArxivServer.class })
public @interface StorageTest {

}
