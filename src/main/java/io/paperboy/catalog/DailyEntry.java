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
 * @param featured whether a curator featured the paper on its day (it comes first, with a badge)
 * @param hidden whether a curator hid the paper from its day (the lists and feeds leave it out)
 */
public record DailyEntry(String paperId, LocalDate day, Instant submittedAt, Long submitterId, String thumbnail,
		List<String> mediaUrls, Boolean authorParticipating, String organization, boolean featured, boolean hidden) {

	public DailyEntry {
		mediaUrls = List.copyOf(mediaUrls);
	}

	/** An entry as a source offers it: curators have not marked it. */
	public DailyEntry(String paperId, LocalDate day, Instant submittedAt, Long submitterId, String thumbnail,
			List<String> mediaUrls, Boolean authorParticipating, String organization) {
		this(paperId, day, submittedAt, submitterId, thumbnail, mediaUrls, authorParticipating, organization, false,
				false);
	}

	/** This entry with the curators' marks of {@code other}: sources never set them, so they keep them. */
	DailyEntry withMarksOf(DailyEntry other) {
		return new DailyEntry(this.paperId, this.day, this.submittedAt, this.submitterId, this.thumbnail,
				this.mediaUrls, this.authorParticipating, this.organization, other.featured, other.hidden);
	}

}
