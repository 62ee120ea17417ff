package io.paperboy.ingest.arxiv;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.paperboy.catalog.Catalog;
import io.paperboy.ingest.IngestSource;
import io.paperboy.ingest.IngestTally;
import io.paperboy.ingest.SourceOptions;
import io.paperboy.ingest.SourcesProperties;
import org.springframework.stereotype.Component;

/**
 * {@code arxiv-refresh}: looks up again the papers published or placed on a daily list in the last
 * {@code paperboy.sources.arxiv.refresh.days}, so a new version replaces their metadata (and the
 * version history grows); and, before them, up to {@code paperboy.sources.arxiv.refresh.missing-categories}
 * papers on the daily lists that have no category, so that papers imported from Hugging Face's lists
 * (which carry none) get arXiv's categories.
 */
@Component
class ArxivRefreshSource implements IngestSource {

	private final IdLookUp lookUp;

	private final Catalog catalog;

	private final SourcesProperties sources;

	private final RefreshProperties refresh;

	private final Clock clock;

	ArxivRefreshSource(IdLookUp lookUp, Catalog catalog, SourcesProperties sources, RefreshProperties refresh,
			Clock clock) {
		this.lookUp = lookUp;
		this.catalog = catalog;
		this.sources = sources;
		this.refresh = refresh;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "arxiv-refresh";
	}

	@Override
	public Set<String> options() {
		return Set.of("days");
	}

	@Override
	public String usage() {
		return """
				looks up again the papers of the last paperboy.sources.arxiv.refresh.days (30), and up to
				paperboy.sources.arxiv.refresh.missing-categories (1000) listed papers without categories
				--days N   the papers of the last N days instead""";
	}

	@Override
	public boolean enabled() {
		return this.sources.arxiv().enabled();
	}

	@Override
	public void run(SourceOptions options, IngestTally tally) {
		int days = options.integer("days").orElse(this.refresh.days());
		if (days < 1) {
			throw new SourceOptions.InvalidOptionsException("--days needs 1 or more, not " + days);
		}
		Instant since = this.clock.instant().minus(Duration.ofDays(days));
		// the papers without categories first: a refresh that fails on the way still fills some
		Set<String> ids = new LinkedHashSet<>(this.catalog.listedPaperIdsWithoutCategories(this.refresh.missingCategories()));
		int uncategorised = ids.size();
		List<String> recent = this.catalog.recentPaperIds(since);
		ids.addAll(recent);
		tally.progress(recent.size() + " papers published or listed since " + since + " and " + uncategorised
				+ " listed papers without categories to look up");
		this.lookUp.run(List.copyOf(ids), tally);
	}

}
