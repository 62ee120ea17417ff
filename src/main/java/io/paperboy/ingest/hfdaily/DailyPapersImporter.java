package io.paperboy.ingest.hfdaily;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.paperboy.account.UserDirectory;
import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.DailyEntry;
import io.paperboy.catalog.RacedInserts;
import io.paperboy.catalog.SaveOutcome;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Imports files in the format of Hugging Face's {@code GET /api/daily_papers}, one file per day.
 * Each file is imported in its own transaction: a bad file is rejected whole, with its reason, and
 * the others still load. Importing the same files again changes nothing.
 */
@Service
class DailyPapersImporter {

	private final DailyPapersFileParser parser;

	private final Catalog catalog;

	private final UserDirectory users;

	private final TransactionTemplate transactions;

	DailyPapersImporter(JsonMapper json, Catalog catalog, UserDirectory users, TransactionTemplate transactions) {
		this.parser = new DailyPapersFileParser(json);
		this.catalog = catalog;
		this.users = users;
		this.transactions = transactions;
	}

	/**
	 * The files an import of these paths reads: files as given, and the {@code .json} files under
	 * folders, in name order (so days load in date order).
	 */
	static List<Path> expand(List<Path> paths) {
		List<Path> files = new ArrayList<>();
		for (Path path : paths) {
			if (Files.isDirectory(path)) {
				try (Stream<Path> walk = Files.walk(path)) {
					walk.filter(Files::isRegularFile)
						.filter((file) -> file.getFileName().toString().endsWith(".json"))
						.sorted()
						.forEach(files::add);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
			else {
				files.add(path);
			}
		}
		return files;
	}

	/** Imports the files, calling {@code progress} after each one. */
	ImportReport importFiles(List<Path> files, Consumer<Path> progress) {
		ImportReport report = new ImportReport();
		Map<String, Long> submitterIds = new HashMap<>();
		for (Path file : files) {
			report.fileRead();
			try {
				DailyPapersFile parsed = this.parser.parse(file);
				StoredDay stored = RacedInserts.retry(
						() -> this.transactions.execute((status) -> store(parsed, parsed.day(), submitterIds)),
						submitterIds::clear);
				report.add(stored.report());
				parsed.dropped().forEach((what) -> report.dropped(file, what));
			}
			catch (MalformedFileException ex) {
				report.rejected(file, ex.describe());
			}
			catch (IOException ex) {
				report.rejected(file, "cannot be read: " + ex);
			}
			catch (DataAccessException ex) {
				// the file's transaction rolled back; ids learnt inside it may not exist
				submitterIds.clear();
				report.rejected(file, "the database refused it: " + ex.getMostSpecificCause().getMessage());
			}
			catch (RuntimeException ex) {
				submitterIds.clear();
				report.rejected(file, "could not be imported: " + ex);
			}
			progress.accept(file);
		}
		return report;
	}

	/**
	 * Saves one day's list, fetched live, in one transaction. Its papers are written as a snapshot
	 * taken on {@code snapshotDay} (the day of the fetch), so their counts replace those of any
	 * archived list, which are older.
	 * @return what saving did to each paper and each daily entry
	 */
	StoredDay saveDay(DailyPapersFile file, LocalDate snapshotDay) {
		return RacedInserts.retry(() -> this.transactions.execute((status) -> store(file, snapshotDay, new HashMap<>())));
	}

	private StoredDay store(DailyPapersFile file, LocalDate snapshotDay, Map<String, Long> submitterIds) {
		ImportReport report = new ImportReport();
		// a paper listed twice in one file counts once, as it first appears
		Map<String, DailyPapersFile.Entry> entries = new LinkedHashMap<>();
		file.entries().forEach((entry) -> entries.putIfAbsent(entry.paper().id(), entry));
		Map<String, SaveOutcome> papers = this.catalog
			.savePapers(entries.values().stream().map(DailyPapersFile.Entry::paper).toList(), snapshotDay);
		papers.values().forEach(report::paper);
		List<DailyEntry> placements = new ArrayList<>();
		for (DailyPapersFile.Entry entry : entries.values()) {
			DailyEntry placement = entry.placement();
			placements.add(new DailyEntry(placement.paperId(), placement.day(), placement.submittedAt(),
					submitterId(entry.submitter(), submitterIds), placement.thumbnail(), placement.mediaUrls(),
					placement.authorParticipating(), placement.organization()));
		}
		Map<String, SaveOutcome> placed = this.catalog.placeOnDailyLists(placements);
		placed.values().forEach(report::entry);
		return new StoredDay(papers, placed, report);
	}

	/**
	 * What saving one day did.
	 *
	 * @param papers each paper's outcome, by id
	 * @param entries each daily entry's outcome, by paper id
	 * @param report the same, counted as an import summary counts it
	 */
	record StoredDay(Map<String, SaveOutcome> papers, Map<String, SaveOutcome> entries, ImportReport report) {
	}

	private Long submitterId(DailyPapersFile.Submitter submitter, Map<String, Long> submitterIds) {
		if (submitter == null) {
			return null;
		}
		return submitterIds.computeIfAbsent(submitter.username(), (username) -> this.users
			.ensureImported(username, submitter.displayName(), submitter.avatarUrl(), submitter.sourceId())
			.id());
	}

}
