package io.paperboy.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A paper's place on a daily list: the day it was submitted, when, and by whom.
 *
 * @param paperId canonical arXiv id of the paper
 * @param day the day whose list the paper is on
 * @param submittedAt when the paper entered the list
 * @param submitterId the user who submitted it, if known
 * @param thumbnail URL of a thumbnail image, if any
 * @param mediaUrls URLs of media attached to the entry
 * @param authorParticipating whether an author takes part in the discussion, if known
 * @param organization the organisation the paper was submitted for, as a JSON object, if any
 */
public record DailyEntry(String paperId, LocalDate day, Instant submittedAt, Long submitterId, String thumbnail,
		List<String> mediaUrls, Boolean authorParticipating, String organization) {

	public DailyEntry {
		mediaUrls = List.copyOf(mediaUrls);
	}

}
