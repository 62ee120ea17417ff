package io.paperboy.community;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A comment as one visitor sees it on a paper page: what they may do with it.
 *
 * @param comment the comment
 * @param html its sanitised HTML
 * @param mine whether the visitor wrote it
 * @param canEdit whether the visitor may still edit it (theirs, within the edit window)
 * @param canModerate whether the visitor may hide or show it (a curator)
 * @param canReport whether the visitor may report it (signed in, not theirs, not yet reported)
 * @param reported whether the visitor has reported it
 */
public record CommentView(Comment comment, String html, boolean mine, boolean canEdit, boolean canModerate,
		boolean canReport, boolean reported) {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d, yyyy HH:mm 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	/** When, for people: "Jun 2, 2025 12:00 UTC". */
	public static String when(Instant instant) {
		return WHEN.format(instant);
	}

	/** When, for machines (the {@code datetime} attribute). */
	public static String iso(Instant instant) {
		return instant.toString();
	}

	public long id() {
		return this.comment.id();
	}

}
