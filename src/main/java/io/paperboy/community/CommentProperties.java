package io.paperboy.community;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Members' comments: {@code paperboy.community.*}.
 *
 * @param commentEditWindow how long after posting a member may still edit their comment. Default
 * 15 minutes.
 * @param commentsPerHour how many comments (replies included) one member may post in any hour;
 * more are refused with 429. Default 30.
 */
@ConfigurationProperties("paperboy.community")
public record CommentProperties(Duration commentEditWindow, @DefaultValue("30") int commentsPerHour) {

	public CommentProperties {
		commentEditWindow = (commentEditWindow != null) ? commentEditWindow : Duration.ofMinutes(15);
		commentsPerHour = (commentsPerHour > 0) ? commentsPerHour : 30;
	}

}
