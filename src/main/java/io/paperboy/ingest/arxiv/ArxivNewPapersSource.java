package io.paperboy.ingest.arxiv;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.paperboy.catalog.Catalog;
import io.paperboy.ingest.Checkpoints;
import io.paperboy.ingest.IngestSource;
import io.paperboy.ingest.IngestTally;
import io.paperboy.ingest.SourceOptions;
import io.paperboy.ingest.SourcesProperties;
import org.springframework.stereotype.Component;

/**
 * {@code arxiv}: the new papers of the followed categories, newest submission first, page after
 * page until the papers are older than what the last successful poll saw (or, on the first poll,
 * than {@code paperboy.sources.backfill-days}); with {@code --ids}, a look-up of those papers.
 */
@Component
class ArxivNewPapersSource implements IngestSource {

	/** Times an empty page is asked for again before the run gives up (arXiv sometimes sends one). */
	private static final int EMPTY_PAGE_ATTEMPTS = 3;

	private final ArxivClient arxiv;

	private final IdLookUp lookUp;

	private final Catalog catalog;

	private final Checkpoints checkpoints;

	private final SourcesProperties properties;

	private final Clock clock;

	ArxivNewPapersSource(ArxivClient arxiv, IdLookUp lookUp, Catalog catalog, Checkpoints checkpoints,
			SourcesProperties properties, Clock clock) {
		this.arxiv = arxiv;
		this.lookUp = lookUp;
		this.catalog = catalog;
		this.checkpoints = checkpoints;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "arxiv";
	}

	@Override
	public Set<String> options() {
		return Set.of("ids", "categories", "days");
	}

	@Override
	public String usage() {
		return """
				new papers of paperboy.sources.arxiv.categories since the last poll
				--categories cs.CL,cs.AI   other categories
				--days N                   the new papers of the last N days
				--ids 2401.00001,hep-th/9901001   look these papers up""";
	}

	@Override
	public boolean enabled() {
		return this.properties.arxiv().enabled();
	}

	@Override
	public void run(SourceOptions options, IngestTally tally) {
		List<String> ids = options.list("ids");
		if (options.text("ids").isPresent()) {
			if (options.text("categories").isPresent() || options.text("days").isPresent()) {
				throw new SourceOptions.InvalidOptionsException("--ids looks papers up; it takes no --categories or --days");
			}
			if (ids.isEmpty()) {
				throw new SourceOptions.InvalidOptionsException("--ids needs at least one id");
			}
			this.lookUp.run(ids, tally);
			return;
		}
		List<String> categories = options.text("categories").isPresent() ? options.list("categories")
				: this.properties.arxiv().categories();
		if (categories.isEmpty()) {
			throw new SourceOptions.InvalidOptionsException("--categories needs at least one category");
		}
		Optional<Integer> days = options.integer("days");
		if (days.isPresent() && days.get() < 1) {
			throw new SourceOptions.InvalidOptionsException("--days needs 1 or more, not " + days.get());
		}
		poll(categories, days, tally);
	}

	private void poll(List<String> categories, Optional<Integer> days, IngestTally tally) {
		String checkpoint = checkpointName(categories);
		Instant now = this.clock.instant();
		Instant cutoff;
		if (days.isPresent()) {
			cutoff = now.minus(Duration.ofDays(days.get()));
		}
		else {
			cutoff = this.checkpoints.read(checkpoint)
				.flatMap(ArxivNewPapersSource::instant)
				.orElse(now.minus(Duration.ofDays(this.properties.backfillDays())));
		}
		tally.progress("New papers in " + String.join(", ", categories) + " submitted since " + cutoff);
		PageWriter writer = new PageWriter(this.catalog, tally);
		ArxivQuery query = ArxivQuery.newestIn(categories, 0, this.properties.arxiv().pageSize());
		Instant newest = null;
		int start = 0;
		while (true) {
			ArxivFeed page = page(query.startingAt(start));
			List<ArxivEntry> fresh = new ArrayList<>();
			boolean reachedCutoff = false;
			for (ArxivEntry entry : page.entries()) {
				Instant submitted = entry.record().publishedAt();
				if (submitted.isBefore(cutoff)) {
					reachedCutoff = true;
				}
				else {
					fresh.add(entry);
					newest = (newest == null || submitted.isAfter(newest)) ? submitted : newest;
				}
			}
			int saved = writer.write(fresh, page.rejected());
			start += page.size();
			tally.progress(String.format("Results %d to %d of %d: %d papers saved", page.startIndex() + 1,
					page.startIndex() + page.size(), page.totalResults(), saved));
			if (reachedCutoff || page.size() == 0 || start >= page.totalResults()) {
				break;
			}
		}
		// written only once every page is saved: a failed poll is redone from the same point
		if (days.isEmpty() && newest != null) {
			this.checkpoints.write(checkpoint, newest.toString());
		}
	}

	/**
	 * A page of results. arXiv now and then answers a page within the results with no entries; it
	 * is asked again, and the run fails rather than take the gap for the end.
	 */
	private ArxivFeed page(ArxivQuery query) {
		ArxivFeed page = null;
		for (int attempt = 1; attempt <= EMPTY_PAGE_ATTEMPTS; attempt++) {
			page = this.arxiv.query(query);
			if (page.size() > 0 || query.start() >= page.totalResults()) {
				return page;
			}
		}
		throw new ArxivApiException("arXiv answered " + EMPTY_PAGE_ATTEMPTS + " times with no entries at result "
				+ query.start() + " of " + page.totalResults(), 200, null);
	}

	/** One checkpoint per set of categories, so a poll of other categories starts afresh. */
	static String checkpointName(List<String> categories) {
		return "arxiv.newest-submission:" + String.join(",", categories.stream().sorted().distinct().toList());
	}

	private static Optional<Instant> instant(String text) {
		try {
			return Optional.of(Instant.parse(text));
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

}
