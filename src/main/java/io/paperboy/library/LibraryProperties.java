package io.paperboy.library;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Members' libraries and collections: {@code paperboy.library.*}.
 *
 * @param maxCollections how many collections one member may have; one more is refused with 400.
 * Default 100.
 * @param maxCollectionPapers how many papers one collection may hold; one more is refused with 400.
 * Default 1000.
 * @param maxNoteLength the longest note a member may keep on a paper of a collection, in characters
 * (at most 4000, what the database keeps). Default 2000.
 * @param changesPerMinute how many changes to their library (saves, not interested, follows,
 * collections, their papers and notes, by button or API) one member may send in any minute; more are
 * refused with 429 until the minute has passed. Default 60.
 */
@ConfigurationProperties("paperboy.library")
public record LibraryProperties(@DefaultValue("100") int maxCollections, @DefaultValue("1000") int maxCollectionPapers,
		@DefaultValue("2000") int maxNoteLength, @DefaultValue("60") int changesPerMinute) {

	/** What the database keeps of a note. */
	static final int NOTE_COLUMN = 4000;

	public LibraryProperties {
		maxCollections = (maxCollections > 0) ? maxCollections : 100;
		maxCollectionPapers = (maxCollectionPapers > 0) ? maxCollectionPapers : 1000;
		maxNoteLength = (maxNoteLength > 0) ? Math.min(maxNoteLength, NOTE_COLUMN) : 2000;
		changesPerMinute = (changesPerMinute > 0) ? changesPerMinute : 60;
	}

}
