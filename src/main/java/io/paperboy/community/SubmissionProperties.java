package io.paperboy.community;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How members submit papers to the daily lists.
 *
 * @param submitMaxAge how long after its first version a paper may still be submitted by a
 * member: the daily lists are about new work. Curators may submit older papers. Default 14 days.
 * @param submissionsPerDay how many submissions a member may make in any 24 hours; each look-up
 * counts, since each may ask arXiv. Curators are not limited. Default 10.
 * @param arxivDeadline how long a submission of a paper the catalog lacks may wait for arXiv's
 * answer, queueing behind the sources' requests on the shared connection included, before the
 * member is told that arXiv is slow and to try again (HTTP 503 with {@code Retry-After}); asked
 * once, never retried. Default 8 seconds, so the answer comes before browsers and proxies give up.
 */
@ConfigurationProperties("paperboy.community")
public record SubmissionProperties(@DefaultValue("14d") Duration submitMaxAge,
		@DefaultValue("10") int submissionsPerDay, @DefaultValue("8s") Duration arxivDeadline) {

}
