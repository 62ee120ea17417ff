package io.paperboy.community;

import java.time.Instant;
import java.util.List;

/**
 * A comment members reported, for curators.
 *
 * @param comment the comment
 * @param paperTitle the title of the paper it is on
 * @param reports how many members reported it
 * @param reasons the reasons they gave (those who gave one), newest first
 * @param lastReportedAt when it was last reported
 */
public record ReportedComment(Comment comment, String paperTitle, int reports, List<String> reasons,
		Instant lastReportedAt) {

	public ReportedComment {
		reasons = List.copyOf(reasons);
	}

}
