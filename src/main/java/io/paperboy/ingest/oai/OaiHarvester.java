package io.paperboy.ingest.oai;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.paperboy.catalog.ArxivRecord;
import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.Paper;
import io.paperboy.catalog.RacedInserts;
import io.paperboy.catalog.SaveOutcome;
import io.paperboy.ingest.Checkpoints;
import io.paperboy.ingest.IngestTally;
import io.paperboy.ingest.http.PoliteHttpClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Harvests a {@code ListRecords} list page by page. Each page's records are saved, and the
 * resumption token of the next page written as the harvest's checkpoint, in one transaction: a
 * harvest stopped anywhere (a failed request, a bad page, a crash) and started again with the same
 * options resumes at the page after the last one committed, so nothing is skipped and nothing saved
 * twice. When the list ends, the checkpoint is cleared.
 */
final class OaiHarvester {

	/** Restarts after an expired resumption token allowed in one run, so a broken server cannot loop us. */
	static final int MAX_RESTARTS = 3;

	private final PoliteHttpClient http;

	private final URI base;

	private final Catalog catalog;

	private final Checkpoints checkpoints;

	private final TransactionTemplate transactions;

	private final Consumer<OaiResponse> beforeCommit;

	/**
	 * @param beforeCommit called inside each page's transaction after the records and the
	 * checkpoint are written, before the commit (tests throw from it to play a crash there)
	 */
	OaiHarvester(PoliteHttpClient http, URI base, Catalog catalog, Checkpoints checkpoints,
			TransactionTemplate transactions, Consumer<OaiResponse> beforeCommit) {
		this.http = http;
		this.base = base;
		this.catalog = catalog;
		this.checkpoints = checkpoints;
		this.transactions = transactions;
		this.beforeCommit = beforeCommit;
	}

	OaiHarvester(PoliteHttpClient http, URI base, Catalog catalog, Checkpoints checkpoints,
			TransactionTemplate transactions) {
		this(http, base, catalog, checkpoints, transactions, (page) -> {
		});
	}

	/**
	 * Harvests the list to its end, resuming an earlier run of the same harvest.
	 * @throws OaiErrorException when the repository answers an error other than "no records match"
	 * or, up to {@link #MAX_RESTARTS} times, "bad resumption token"
	 * @throws MalformedResponseException when a page is not an OAI-PMH document
	 * @throws io.paperboy.ingest.http.FetchException when a page cannot be fetched
	 */
	void harvest(OaiHarvest harvest, IngestTally tally) {
		harvest(harvest, tally, () -> {
		});
	}

	/**
	 * Harvests the list to its end, as {@link #harvest(OaiHarvest, IngestTally)} does.
	 * @param completed run in the transaction that saves the last page, so what it writes (the
	 * scheduled harvest's next day) is committed exactly when the list is
	 */
	void harvest(OaiHarvest harvest, IngestTally tally, Runnable completed) {
		String checkpoint = harvest.checkpointName();
		String token = this.checkpoints.read(checkpoint).orElse(null);
		if (token != null) {
			tally.message("Resumed an interrupted harvest at resumption token " + token);
		}
		int restarts = 0;
		int pages = 0;
		long seen = 0;
		while (true) {
			URI uri = (token == null) ? harvest.firstPage(this.base) : OaiHarvest.nextPage(this.base, token);
			OaiResponse page;
			try {
				page = OaiResponseParser.parse(this.http.get(uri));
			}
			catch (OaiErrorException ex) {
				if (ex.code().equals("noRecordsMatch")) {
					this.transactions.executeWithoutResult((status) -> {
						this.checkpoints.clear(checkpoint);
						completed.run();
					});
					tally.message((pages == 0 && token == null) ? "No records match " + harvest
							: "The list ended with no records match");
					return;
				}
				if (ex.code().equals("badResumptionToken") && token != null && restarts < MAX_RESTARTS) {
					// the repository forgot the token (they expire); saves are idempotent, so
					// starting the range again costs requests but loses and doubles nothing
					restarts++;
					this.checkpoints.clear(checkpoint);
					tally.message("The resumption token " + token
							+ " has expired; the harvest started again from the beginning of its range");
					token = null;
					continue;
				}
				throw ex;
			}
			Map<String, SaveOutcome> outcomes = save(checkpoint, page, completed);
			tally.count(outcomes);
			page.skipped().forEach(tally::skip);
			if (!page.deletedIds().isEmpty()) {
				tally.message(page.deletedIds().size() + " deleted record(s) left alone: "
						+ String.join(", ", page.deletedIds()));
			}
			pages++;
			seen += page.records().size() + page.deletedIds().size() + page.skipped().size();
			tally.progress("Page " + pages + ": " + page.records().size() + " records, " + seen
					+ ((page.completeListSize() != null) ? " of " + page.completeListSize() : "") + " so far");
			if (page.last()) {
				return;
			}
			token = page.resumptionToken();
		}
	}

	/** Saves one page and moves the checkpoint past it, all or nothing. */
	private Map<String, SaveOutcome> save(String checkpoint, OaiResponse page, Runnable completed) {
		return RacedInserts.retry(() -> this.transactions.execute((status) -> {
			List<ArxivRecord> records = page.versionsKnown() ? distinct(page.records())
					: keepStoredVersions(distinct(page.records()));
			Map<String, SaveOutcome> outcomes = records.isEmpty() ? Map.of()
					: this.catalog.saveArxivRecords(records);
			if (page.last()) {
				this.checkpoints.clear(checkpoint);
				completed.run();
			}
			else {
				this.checkpoints.write(checkpoint, page.resumptionToken());
			}
			this.beforeCommit.accept(page);
			return outcomes;
		}));
	}

	/** One record per paper: a page naming a paper twice keeps its last record. */
	private static List<ArxivRecord> distinct(List<ArxivRecord> records) {
		Map<String, ArxivRecord> byId = new LinkedHashMap<>();
		records.forEach((record) -> byId.put(record.id(), record));
		return List.copyOf(byId.values());
	}

	/**
	 * The {@code arXiv} format describes a paper's current metadata but not its version number.
	 * For a paper the catalog knows at a later version than 1, the record takes that version, so
	 * it refreshes the metadata (a journal reference added later, say) without pretending the paper
	 * went back to version 1; a new paper starts at version 1, until a source that knows versions
	 * says more.
	 */
	private List<ArxivRecord> keepStoredVersions(List<ArxivRecord> records) {
		Map<String, Paper> stored = this.catalog.findPapers(records.stream().map(ArxivRecord::id).toList());
		return records.stream().map((record) -> {
			Integer version = Optional.ofNullable(stored.get(record.id())).map(Paper::version).orElse(null);
			if (version == null || version <= record.version()) {
				return record;
			}
			return new ArxivRecord(record.id(), version, record.title(), record.summary(), record.authors(),
					record.categories(), record.publishedAt(), record.updatedAt(), record.comment(),
					record.journalRef(), record.doi(), record.license(), record.versions());
		}).toList();
	}

}
