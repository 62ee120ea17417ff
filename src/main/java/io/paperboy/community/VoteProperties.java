package io.paperboy.community;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Votes: {@code paperboy.community.*}.
 *
 * @param votesPerMinute how many votes (cast or withdrawn, by form or API) one member may send in
 * any minute; more are refused with 429 until the minute has passed
 */
@ConfigurationProperties("paperboy.community")
public record VoteProperties(Integer votesPerMinute) {

	public VoteProperties {
		votesPerMinute = (votesPerMinute != null && votesPerMinute > 0) ? votesPerMinute : 60;
	}

}
