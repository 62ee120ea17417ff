package io.paperboy.ingest.arxiv;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.paperboy.catalog.ArxivRecord;
import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.RacedInserts;
import io.paperboy.ingest.IngestTally;

/**
 * Saves the pages of one run, each in its own transaction (the catalog's), so a failure leaves
 * whole pages only. An entry met twice in the run (arXiv's results shift when papers arrive while
 * a run pages through them) is saved once; of two versions, the higher wins.
 */
final class PageWriter {

	private final Catalog catalog;

	private final IngestTally tally;

	/** The version saved in this run for each paper id. */
	private final Map<String, Integer> saved = new HashMap<>();

	PageWriter(Catalog catalog, IngestTally tally) {
		this.catalog = catalog;
		this.tally = tally;
	}

	/**
	 * Saves a page's entries and counts them; counts the rejected ones as skipped, with their reasons.
	 * @return how many papers were saved
	 */
	int write(List<ArxivEntry> entries, List<String> rejected) {
		rejected.forEach(this.tally::skip);
		Map<String, ArxivRecord> records = new LinkedHashMap<>();
		for (ArxivEntry entry : entries) {
			ArxivRecord record = entry.record();
			Integer before = this.saved.get(record.id());
			if (before != null && before >= record.version()) {
				continue;
			}
			records.merge(record.id(), record, (a, b) -> (b.version() > a.version()) ? b : a);
		}
		if (records.isEmpty()) {
			return 0;
		}
		List<ArxivRecord> batch = List.copyOf(records.values());
		this.tally.count(RacedInserts.retry(() -> this.catalog.saveArxivRecords(batch)));
		records.values().forEach((record) -> this.saved.put(record.id(), record.version()));
		return records.size();
	}

	/** Whether a paper was saved in this run. */
	boolean hasSaved(String id) {
		return this.saved.containsKey(id);
	}

}
