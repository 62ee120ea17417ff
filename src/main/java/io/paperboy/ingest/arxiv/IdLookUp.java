package io.paperboy.ingest.arxiv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.paperboy.catalog.ArxivId;
import io.paperboy.catalog.Catalog;
import io.paperboy.ingest.IngestTally;
import org.springframework.stereotype.Component;

/**
 * Looks papers up by id and saves what arXiv says, {@value ArxivClient#IDS_PER_REQUEST} ids per
 * request and per transaction. Shared by {@code ingest run arxiv --ids} and the refresh.
 */
@Component
class IdLookUp {

	private final ArxivClient arxiv;

	private final Catalog catalog;

	IdLookUp(ArxivClient arxiv, Catalog catalog) {
		this.arxiv = arxiv;
		this.catalog = catalog;
	}

	/**
	 * Looks the ids up and saves the papers. Text that is not an arXiv id is skipped with a reason;
	 * an id arXiv does not know is reported.
	 */
	void run(List<String> ids, IngestTally tally) {
		Map<String, ArxivId> wanted = new LinkedHashMap<>();
		for (String text : ids) {
			Optional<ArxivId> id = ArxivId.tryParse(text);
			if (id.isPresent()) {
				wanted.putIfAbsent(id.get().toString(), id.get());
			}
			else {
				tally.skip("'" + text + "' is not an arXiv id");
			}
		}
		List<ArxivId> all = new ArrayList<>(wanted.values());
		PageWriter writer = new PageWriter(this.catalog, tally);
		for (int from = 0; from < all.size(); from += ArxivClient.IDS_PER_REQUEST) {
			List<ArxivId> batch = all.subList(from, Math.min(all.size(), from + ArxivClient.IDS_PER_REQUEST));
			ArxivFeed feed = this.arxiv.lookUp(batch.stream().map(ArxivId::toString).toList());
			int saved = writer.write(feed.entries(), feed.rejected());
			batch.stream()
				.filter((id) -> !writer.hasSaved(id.id()))
				.forEach((id) -> tally.message(id + " was not found on arXiv"));
			tally.progress(String.format("Looked up %d of %d ids: %d papers saved", from + batch.size(), all.size(),
					saved));
		}
	}

}
