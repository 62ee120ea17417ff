package io.paperboy.ingest.hfdaily;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
				ImportReport fileReport = this.transactions.execute((status) -> store(parsed, submitterIds));
				report.add(fileReport);
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

	private ImportReport store(DailyPapersFile file, Map<String, Long> submitterIds) {
		ImportReport report = new ImportReport();
		// a paper listed twice in one file counts once, as it first appears
		Map<String, DailyPapersFile.Entry> entries = new LinkedHashMap<>();
		file.entries().forEach((entry) -> entries.putIfAbsent(entry.paper().id(), entry));
		this.catalog.savePapers(entries.values().stream().map(DailyPapersFile.Entry::paper).toList(), file.day())
			.values()
			.forEach(report::paper);
		List<DailyEntry> placements = new ArrayList<>();
		for (DailyPapersFile.Entry entry : entries.values()) {
			DailyEntry placement = entry.placement();
			placements.add(new DailyEntry(placement.paperId(), placement.day(), placement.submittedAt(),
					submitterId(entry.submitter(), submitterIds), placement.thumbnail(), placement.mediaUrls(),
					placement.authorParticipating(), placement.organization()));
		}
		this.catalog.placeOnDailyLists(placements).values().forEach(report::entry);
		return report;
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
