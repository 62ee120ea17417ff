package io.paperboy.ingest.oai;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.paperboy.catalog.Catalog;
import io.paperboy.ingest.ArxivConnection;
import io.paperboy.ingest.Checkpoints;
import io.paperboy.ingest.IngestSource;
import io.paperboy.ingest.IngestTally;
import io.paperboy.ingest.SourceOptions;
import io.paperboy.ingest.SourcesProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code oai} source: a harvest of arXiv's OAI-PMH interface. By hand, any range:
 * {@code ingest run oai --set cs --from 2019-10-01 --until 2019-10-09 --metadata-prefix arXivRaw}.
 * Scheduled (without options, when {@code paperboy.sources.oai.enabled}): the configured set and
 * format, from the day after the last complete scheduled harvest (or {@code backfill-days} back)
 * until yesterday, the last whole day.
 */
@Component
class OaiSource implements IngestSource {

	/** The checkpoint prefix of the scheduled harvest's state: a range in progress, or the next day to start from. */
	private static final String SCHEDULE = "oai-schedule:";

	private static final String RANGE = "..";

	private final SourcesProperties properties;

	private final OaiHarvester harvester;

	private final Checkpoints checkpoints;

	private final Clock clock;

	@Autowired
	OaiSource(SourcesProperties properties, ArxivConnection arxiv, Catalog catalog, Checkpoints checkpoints,
			PlatformTransactionManager transactionManager, Clock clock) {
		this(properties, new OaiHarvester(arxiv.http(), properties.arxiv().oaiUrl(), catalog, checkpoints, new TransactionTemplate(transactionManager)),
				checkpoints, clock);
	}

	OaiSource(SourcesProperties properties, OaiHarvester harvester, Checkpoints checkpoints, Clock clock) {
		this.properties = properties;
		this.harvester = harvester;
		this.checkpoints = checkpoints;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "oai";
	}

	@Override
	public Set<String> options() {
		return new LinkedHashSet<>(List.of("set", "from", "until", "metadata-prefix"));
	}

	@Override
	public String usage() {
		return """
				arXiv's OAI-PMH records (ListRecords), resumable: run it again to continue
				--set SET                 an OAI set: cs, math, physics:hep-th (default: all of arXiv)
				--from DAY --until DAY    datestamp range, e.g. 2019-10-01 (default: open)
				--metadata-prefix FORMAT  arXiv (default) or arXivRaw (every version with its date)
				without options: the scheduled harvest of paperboy.sources.oai.*""";
	}

	@Override
	public boolean enabled() {
		return this.properties.oai().enabled();
	}

	@Override
	public void run(SourceOptions options, IngestTally tally) {
		if (options.isEmpty()) {
			runScheduled(tally);
			return;
		}
		String prefix = options.text("metadata-prefix").orElse(this.properties.oai().metadataPrefix());
		OaiHarvest harvest = new OaiHarvest(checkedFormat(prefix), options.text("set").orElse(null),
				options.date("from").orElse(null), options.date("until").orElse(null));
		if (harvest.from() != null && harvest.until() != null && harvest.from().isAfter(harvest.until())) {
			throw new SourceOptions.InvalidOptionsException(
					"--from " + harvest.from() + " is after --until " + harvest.until());
		}
		this.harvester.harvest(harvest, tally);
	}

	/**
	 * The scheduled harvest. Its range is written down before it starts, so a harvest that fails is
	 * resumed, same range and same checkpoint, by the next run; the day after its last day is written
	 * with its last page, and the next run starts there.
	 */
	private void runScheduled(IngestTally tally) {
		if (!enabled()) {
			throw new SourceOptions.InvalidOptionsException("the scheduled harvest is switched off"
					+ " (paperboy.sources.oai.enabled=false); give a range, e.g. --set cs --from 2019-10-01");
		}
		String prefix = checkedFormat(this.properties.oai().metadataPrefix());
		String set = this.properties.oai().set().isBlank() ? null : this.properties.oai().set();
		String state = SCHEDULE + prefix + ":" + ((set != null) ? set : "");
		LocalDate yesterday = LocalDate.now(this.clock).minusDays(1);
		String saved = this.checkpoints.read(state).orElse(null);
		LocalDate from;
		LocalDate until;
		if (saved != null && saved.contains(RANGE)) {
			from = LocalDate.parse(saved.substring(0, saved.indexOf(RANGE)));
			until = LocalDate.parse(saved.substring(saved.indexOf(RANGE) + RANGE.length()));
		}
		else {
			from = (saved != null) ? LocalDate.parse(saved)
					: yesterday.minusDays(this.properties.backfillDays() - 1L);
			until = yesterday;
			if (from.isAfter(until)) {
				tally.message("Nothing to harvest: every day until " + until + " is harvested already");
				return;
			}
			this.checkpoints.write(state, from + RANGE + until);
		}
		this.harvester.harvest(new OaiHarvest(prefix, set, from, until), tally,
				() -> this.checkpoints.write(state, until.plusDays(1).toString()));
	}

	private static String checkedFormat(String prefix) {
		if (!OaiHarvest.FORMATS.contains(prefix)) {
			throw new SourceOptions.InvalidOptionsException("--metadata-prefix must be one of "
					+ String.join(", ", OaiHarvest.FORMATS) + ", not '" + prefix + "'");
		}
		return prefix;
	}

}
