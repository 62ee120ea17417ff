package io.paperboy.ingest.hfdaily;

import java.time.LocalDate;
import java.util.List;

import io.paperboy.catalog.DailyEntry;
import io.paperboy.catalog.Paper;

/**
 * One file of Hugging Face's {@code GET /api/daily_papers}, understood.
 *
 * @param day the day whose list the file holds
 * @param entries its entries, in file order
 * @param dropped what was left out of otherwise good entries, each with its JSON path and why (a
 * link that is not http or https, a submitter whose name cannot be a username)
 */
record DailyPapersFile(LocalDate day, List<Entry> entries, List<String> dropped) {

	DailyPapersFile {
		dropped = List.copyOf(dropped);
	}

	DailyPapersFile(LocalDate day, List<Entry> entries) {
		this(day, entries, List.of());
	}

	/**
	 * One entry: the paper, its place on the list (without the submitter's database id, which is
	 * known only once the submitter is stored), and who submitted it.
	 */
	record Entry(Paper paper, DailyEntry placement, Submitter submitter) {
	}

	/** A submitter as the file names them. */
	record Submitter(String username, String displayName, String avatarUrl, String sourceId) {
	}

}
