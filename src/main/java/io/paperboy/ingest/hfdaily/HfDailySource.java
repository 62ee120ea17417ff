package io.paperboy.ingest.hfdaily;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.paperboy.Stopping;
import io.paperboy.ingest.IngestSource;
import io.paperboy.ingest.IngestTally;
import io.paperboy.ingest.SourceOptions;
import io.paperboy.ingest.SourcesProperties;
import io.paperboy.ingest.http.FetchException;
import io.paperboy.ingest.http.PoliteHttpClient;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code hf} source: Hugging Face's daily list, fetched live with
 * {@code GET /api/daily_papers?date=DAY} for today and the days before it, read by the same parser
 * as the file importer and saved the same way, one transaction per day. A day without a list (an
 * empty array, or a 404) is normal; a day that fails is reported and the other days still load.
 * <p>
 * A live list is a snapshot taken today: its papers are saved with the fetch date as their
 * snapshot day, so their upvotes, comment counts and GitHub stars replace the older counts of the
 * archive and of earlier fetches.
 */
@Component
class HfDailySource implements IngestSource {

	/** More days than this in one run is a mistake, not a backfill. */
	static final int MAX_DAYS = 366;

	private final DailyPapersFileParser parser;

	private final DailyPapersImporter importer;

	private final SourcesProperties.Hf properties;

	private final PoliteHttpClient http;

	private final Clock clock;

	HfDailySource(JsonMapper json, DailyPapersImporter importer, SourcesProperties properties, Clock clock,
			Stopping stopping) {
		this.parser = new DailyPapersFileParser(json);
		this.importer = importer;
		this.properties = properties.hf();
		this.http = new PoliteHttpClient(properties.httpSettings(this.properties.requestInterval()), clock);
		stopping.whenRequested(this.http::stop, this.http::restart);
		this.clock = clock;
	}

	@Override
	public String name() {
		return "hf";
	}

	@Override
	public Set<String> options() {
		return Set.of("date", "days");
	}

	@Override
	public String usage() {
		return """
				--date YYYY-MM-DD   the last day to fetch (default: today, UTC)
				--days N            how many days to fetch, ending with that day (default: paperboy.sources.hf.days)
				""";
	}

	@Override
	public boolean enabled() {
		return this.properties.enabled();
	}

	/**
	 * Fetches and saves the days asked for. Runs take turns ({@code IngestRuns} runs one run of a
	 * source at a time in a process): a backfill and a scheduled sync overlapping would store the same
	 * new submitters at once, and one of them would be refused.
	 */
	@Override
	public void run(SourceOptions options, IngestTally tally) {
		LocalDate today = LocalDate.now(this.clock);
		LocalDate last = options.date("date").orElse(today);
		int days = options.integer("days").orElse(this.properties.days());
		if (days < 1 || days > MAX_DAYS) {
			throw new SourceOptions.InvalidOptionsException("option --days needs a number from 1 to " + MAX_DAYS
					+ ", not " + days);
		}
		List<String> failures = new ArrayList<>();
		// oldest first, as the days were published
		for (LocalDate day = last.minusDays(days - 1); !day.isAfter(last); day = day.plusDays(1)) {
			String failure = fetchDay(day, today, tally);
			if (failure != null) {
				failures.add(day + ": " + failure);
				tally.message(day + ": " + failure);
			}
		}
		if (!failures.isEmpty()) {
			throw new DaysFailedException(failures.size() + " of " + days + " days failed");
		}
	}

	/** Fetches and saves one day; the reason it failed, or null. */
	private String fetchDay(LocalDate day, LocalDate today, IngestTally tally) {
		String body;
		try {
			body = this.http.get(uri(day));
		}
		catch (FetchException ex) {
			if (ex.status() == 404) {
				tally.progress(day + ": no list");
				return null;
			}
			return ex.getMessage();
		}
		DailyPapersFile list;
		try {
			list = this.parser.parse(body, day);
		}
		catch (MalformedFileException ex) {
			return ex.describe();
		}
		DailyPapersImporter.StoredDay stored;
		try {
			stored = save(list, today);
		}
		catch (DataAccessException ex) {
			return "the database refused it: " + ex.getMostSpecificCause().getMessage();
		}
		tally.count(stored.papers());
		list.dropped().forEach((what) -> tally.message(day + ": " + what));
		tally.progress(day + ": " + list.entries().size() + " entries, " + stored.report().papersCreated()
				+ " papers added, " + stored.report().papersUpdated() + " updated");
		return null;
	}

	private DailyPapersImporter.StoredDay save(DailyPapersFile list, LocalDate today) {
		try {
			return this.importer.saveDay(list, today);
		}
		catch (DuplicateKeyException ex) {
			// another node stored the same paper or submitter at the same moment; the day rolled
			// back, and saved again it finds their rows
			return this.importer.saveDay(list, today);
		}
	}

	private URI uri(LocalDate day) {
		String base = this.properties.apiUrl().toString();
		return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
				+ "/api/daily_papers?date=" + day);
	}

	/** Some days of a run failed; each day's reason is in the run's messages. */
	static class DaysFailedException extends RuntimeException {

		DaysFailedException(String message) {
			super(message);
		}

	}

}
