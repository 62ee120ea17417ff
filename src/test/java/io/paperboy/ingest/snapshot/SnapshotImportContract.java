package io.paperboy.ingest.snapshot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import io.paperboy.catalog.ArxivRecord;
import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.Paper;
import io.paperboy.catalog.PaperVersion;
import io.paperboy.cli.Verb;
import io.paperboy.ingest.Checkpoints;
import io.paperboy.ingest.IngestTally;
import io.paperboy.support.CatalogTables;
import io.paperboy.support.SharedData;
import io.paperboy.support.StorageTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The snapshot import on every database Paperboy supports, with the real snapshot files: exact
 * counts, bad lines, resumption, and the papers the Hugging Face archive shares with the snapshot.
 * Each subclass runs it on one database.
 */
@StorageTest
abstract class SnapshotImportContract {

	/** Papers in both the Hugging Face archive and the derived snapshot file. */
	private static final int SHARED = 438;

	/** The Hugging Face archive's days that list a paper of the derived snapshot file. */
	private static final int SHARED_DAYS = 21;

	private static final int DERIVED_PAPERS = 14_318;

	/** Papers of the derived file beside the shared ones, in the tests of the two sources together. */
	private static final int OTHERS = 1_000;

	@Autowired
	private SnapshotImporter importer;

	@Autowired
	private Catalog catalog;

	@Autowired
	private Checkpoints checkpoints;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ApplicationEventPublisher events;

	@Autowired
	private List<Verb> verbs;

	private final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	Path dir;

	@BeforeEach
	void emptyCatalog() {
		CatalogTables.empty(this.jdbc, this.events);
		this.jdbc.sql("delete from ingest_checkpoints").update();
	}

	@Test
	void sampleLoadsEachLineAsOnePaperWithItsVersionHistory() throws IOException {
		SnapshotReport report = importFile(sample(), 2_000);
		assertThat(report.linesRead()).isEqualTo(200);
		assertThat(report.created()).isEqualTo(200);
		assertThat(report.skipped()).isZero();
		assertThat(this.catalog.countPapers()).isEqualTo(200);
		Paper first = this.catalog.findPaper("0704.0001").orElseThrow();
		assertThat(first.version()).isEqualTo(2);
		assertThat(first.title()).startsWith("Calculation of prompt diphoton production");
		assertThat(first.authors()).hasSize(4);
		assertThat(first.journalRef()).isEqualTo("Phys.Rev.D76:013009,2007");
		assertThat(this.catalog.findPaper("0704.0002").orElseThrow().categories()).containsExactly("math.CO", "cs.CG");
		assertThat(this.catalog.versionsOf("0704.0064")).extracting(PaperVersion::number).containsExactly(1, 2, 3, 4, 5);
		assertThat(this.catalog.findPaper("0704.0064").orElseThrow().version()).isEqualTo(5);
		assertThat(this.checkpoints.read(checkpointName(sample()))).isEmpty();
	}

	@Test
	void gzippedSampleLoadsTheSame() throws IOException {
		Path gzipped = this.dir.resolve("snapshot.data");
		try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzipped))) {
			Files.copy(sample(), out);
		}
		SnapshotReport report = importFile(gzipped, 64);
		assertThat(report.created()).isEqualTo(200);
		assertThat(this.catalog.countPapers()).isEqualTo(200);
	}

	@Test
	void derivedFileLoadsEveryPaperOnceAndASecondImportChangesNothing() throws IOException {
		Path derived = derived();
		SnapshotReport first = importFile(derived, 2_000);
		assertThat(first.linesRead()).isEqualTo(DERIVED_PAPERS);
		assertThat(first.created()).isEqualTo(DERIVED_PAPERS);
		assertThat(first.skipped()).isZero();
		assertThat(this.catalog.countPapers()).isEqualTo(DERIVED_PAPERS);
		SnapshotReport second = importFile(derived, 2_000);
		assertThat(second.created()).isZero();
		assertThat(second.updated()).isZero();
		assertThat(second.unchanged()).isEqualTo(DERIVED_PAPERS);
		assertThat(this.catalog.countPapers()).isEqualTo(DERIVED_PAPERS);
	}

	@Test
	void badLinesAreReportedWithTheirNumbersAndTheOthersLoad() throws IOException {
		List<String> real = Files.readAllLines(sample());
		ObjectNode hostile = (ObjectNode) this.json.readTree(real.get(5));
		String hostileTitle = "<script>alert('x')</script>'); drop table papers; -- \u202Eevil\u202C \uD83D\uDE00 \\u0041";
		hostile.put("title", hostileTitle);
		ObjectNode noId = (ObjectNode) this.json.readTree(real.get(2));
		noId.remove("id");
		ObjectNode wrongVersions = (ObjectNode) this.json.readTree(real.get(3));
		wrongVersions.put("versions", "v1");
		ObjectNode wrongTitle = (ObjectNode) this.json.readTree(real.get(4));
		wrongTitle.putArray("title").add("a").add("b");
		ObjectNode badId = (ObjectNode) this.json.readTree(real.get(6));
		badId.put("id", "1313.99999");
		Path file = write("bad.jsonl", List.of(real.get(0), real.get(1).substring(0, 100), noId.toString(), "",
				wrongVersions.toString(), hostile.toString(), "   ", wrongTitle.toString(), "null", badId.toString(),
				real.get(7)));
		SnapshotReport report = importFile(file, 3);
		assertThat(report.reasons()).containsExactly(
				"line 2: not valid JSON: Unexpected end-of-input in VALUE_STRING",
				"line 3: $.id: missing",
				"line 5: $.versions: expected an array but found a string",
				"line 8: $.title: expected a string but found an array",
				"line 9: $: expected an object but found null",
				"line 10: $.id: not an arXiv id: \"1313.99999\"");
		assertThat(report.linesRead()).isEqualTo(11);
		assertThat(report.skipped()).isEqualTo(6);
		assertThat(report.created()).isEqualTo(3);
		assertThat(this.catalog.countPapers()).isEqualTo(3);
		assertThat(this.catalog.findPaper(hostile.get("id").stringValue()).orElseThrow().title()).isEqualTo(hostileTitle);
	}

	@Test
	void interruptedImportResumesAfterItsLastBatchAndEndsAsAnUninterruptedOne() throws IOException {
		Path file = sampleWithFaults();
		SnapshotReport uninterrupted = importFile(file, 25);
		List<String> expected = catalogState();
		emptyCatalog();
		assertThatIllegalStateException().isThrownBy(() -> importFile(file, 25, stopAfter(3)));
		long committed = committedLine(file);
		// commits after lines 25, 50, 62 (a batch cut short where the file repeats a paper), 87
		assertThat(committed).isEqualTo(87);
		SnapshotReport resumed = importFile(file, 25);
		assertThat(resumed.resumedAfterLine()).isEqualTo(committed);
		assertSameCounts(resumed, uninterrupted);
		assertThat(catalogState()).isEqualTo(expected);
		assertThat(this.checkpoints.read(checkpointName(file))).isEmpty();
	}

	@Test
	void interruptedGzippedImportResumesToo() throws IOException {
		Path file = this.dir.resolve("snapshot.jsonl.gz");
		try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
			Files.copy(sampleWithFaults(), out);
		}
		SnapshotReport uninterrupted = importFile(file, 40);
		List<String> expected = catalogState();
		emptyCatalog();
		assertThatIllegalStateException().isThrownBy(() -> importFile(file, 40, stopAfter(2)));
		assertThatIllegalStateException().isThrownBy(() -> importFile(file, 40, stopAfter(1)));
		long committed = committedLine(file);
		// 40, 62 (cut short by the repeated paper), 102, then the second run's 142
		assertThat(committed).isEqualTo(142);
		SnapshotReport resumed = importFile(file, 40);
		assertThat(resumed.resumedAfterLine()).isEqualTo(committed);
		assertSameCounts(resumed, uninterrupted);
		assertThat(catalogState()).isEqualTo(expected);
	}

	@Test
	void fileThatBreaksOffMidwayKeepsTheBatchesReadBeforeAndFails() throws IOException {
		Path whole = this.dir.resolve("whole.jsonl.gz");
		try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(whole))) {
			Files.copy(sample(), out);
		}
		byte[] bytes = Files.readAllBytes(whole);
		Path truncated = Files.write(this.dir.resolve("truncated.jsonl.gz"),
				java.util.Arrays.copyOf(bytes, bytes.length * 3 / 4));
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> importFile(truncated, 20));
		long committed = committedLine(truncated);
		assertThat(committed).isPositive().isLessThan(200);
		assertThat(this.catalog.countPapers()).isEqualTo(committed);
	}

	@Test
	void restartReadsTheWholeFileAgain() throws IOException {
		Path file = sample();
		assertThatIllegalStateException().isThrownBy(() -> importFile(file, 50, stopAfter(2)));
		SnapshotReport report = this.importer.importFile(file, true, 50, new IngestTally((line) -> {
		}), (soFar, read, size) -> {
		});
		assertThat(report.resumedAfterLine()).isZero();
		assertThat(report.linesRead()).isEqualTo(200);
		assertThat(report.created()).isEqualTo(100);
		assertThat(report.unchanged()).isEqualTo(100);
	}

	@Test
	void snapshotAfterTheDailyListsKeepsOnePaperEachWithItsEntryAndUpvotes() throws IOException {
		Path snapshot = derivedSharedAndOthers();
		Set<String> listed = importDailyPapers();
		Map<String, Integer> upvotes = new HashMap<>();
		Map<String, ArxivRecord> shared = sharedRecords();
		shared.keySet().forEach((id) -> upvotes.put(id, this.catalog.findPaper(id).orElseThrow().upvotes()));
		SnapshotReport report = importFile(snapshot, 2_000);
		assertThat(report.created()).isEqualTo(OTHERS);
		assertThat(report.updated()).isEqualTo(SHARED);
		assertMerged(shared, upvotes, listed);
	}

	@Test
	void dailyListsAfterTheSnapshotKeepOnePaperEachWithArxivsMetadata() throws IOException {
		importFile(derivedSharedAndOthers(), 2_000);
		Set<String> listed = importDailyPapers();
		Map<String, ArxivRecord> shared = sharedRecords();
		Map<String, Integer> upvotes = new HashMap<>();
		shared.keySet().forEach((id) -> upvotes.put(id, this.catalog.findPaper(id).orElseThrow().upvotes()));
		assertThat(upvotes.values()).anyMatch((count) -> count > 0);
		assertMerged(shared, upvotes, listed);
	}

	private void assertMerged(Map<String, ArxivRecord> shared, Map<String, Integer> upvotes, Set<String> listed) {
		assertThat(shared).hasSize(SHARED);
		assertThat(this.catalog.countPapers()).isEqualTo(listed.size() + OTHERS);
		assertThat(CatalogTables.count(this.jdbc, "daily_entries")).isEqualTo(listed.size());
		for (ArxivRecord record : shared.values()) {
			Paper paper = this.catalog.findPaper(record.id()).orElseThrow();
			assertThat(paper.title()).isEqualTo(record.title());
			assertThat(paper.categories()).isEqualTo(record.categories());
			assertThat(paper.upvotes()).isEqualTo(upvotes.get(record.id()));
			assertThat(this.catalog.dailyEntryOf(record.id())).isPresent();
		}
	}

	/** The derived file's records whose papers the catalog also has from the daily lists. */
	private Map<String, ArxivRecord> sharedRecords() throws IOException {
		List<String> daily = this.jdbc.sql("select paper_id from daily_entries").query(String.class).list();
		Map<String, ArxivRecord> records = new HashMap<>();
		SnapshotLineParser parser = new SnapshotLineParser(this.json);
		for (String line : Files.readAllLines(derived())) {
			byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
			try {
				ArxivRecord record = parser.parse(bytes, bytes.length);
				records.put(record.id(), record);
			}
			catch (MalformedLineException ex) {
				throw new AssertionError(ex);
			}
		}
		records.keySet().retainAll(daily);
		return records;
	}

	/**
	 * The derived file's lines for every paper the Hugging Face archive also has, and the first
	 * {@link #OTHERS} lines of the rest: what merging the two sources is about, without importing the
	 * whole snapshot twice more (the whole file has a test of its own).
	 */
	private Path derivedSharedAndOthers() throws IOException {
		Set<String> daily = new HashSet<>();
		try (Stream<Path> files = Files.list(SharedData.hfDailyPapers())) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".json")).toList()) {
				for (JsonNode entry : this.json.readTree(file.toFile())) {
					daily.add(entry.get("paper").get("id").asString());
				}
			}
		}
		SnapshotLineParser parser = new SnapshotLineParser(this.json);
		List<String> lines = new ArrayList<>();
		int others = 0;
		for (String line : Files.readAllLines(derived())) {
			byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
			try {
				if (daily.contains(parser.parse(bytes, bytes.length).id())) {
					lines.add(line);
				}
				else if (others < OTHERS) {
					lines.add(line);
					others++;
				}
			}
			catch (MalformedLineException ex) {
				throw new AssertionError(ex);
			}
		}
		return write("shared-and-others.jsonl", lines);
	}

	/**
	 * Imports the Hugging Face archive's days that list a paper of the derived file, through the
	 * {@code import hf-daily} verb: every shared paper with the other papers of its days, not the
	 * whole archive (whose import has tests of its own, {@code DailyPapersImportRealArchiveContract}).
	 * @return the ids of the papers those days list
	 */
	private Set<String> importDailyPapers() throws IOException {
		Set<String> derived = new HashSet<>();
		SnapshotLineParser parser = new SnapshotLineParser(this.json);
		for (String line : Files.readAllLines(derived())) {
			byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
			try {
				derived.add(parser.parse(bytes, bytes.length).id());
			}
			catch (MalformedLineException ex) {
				throw new AssertionError(ex);
			}
		}
		Path days = Files.createDirectories(this.dir.resolve("hf-daily"));
		Set<String> listed = new HashSet<>();
		try (Stream<Path> files = Files.list(SharedData.hfDailyPapers())) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".json")).sorted().toList()) {
				Set<String> ids = new HashSet<>();
				for (JsonNode entry : this.json.readTree(file.toFile())) {
					ids.add(entry.get("paper").get("id").asString());
				}
				if (ids.stream().anyMatch(derived::contains)) {
					Files.copy(file, days.resolve(file.getFileName().toString()));
					listed.addAll(ids);
				}
			}
		}
		try (Stream<Path> copied = Files.list(days)) {
			assertThat(copied).hasSize(SHARED_DAYS);
		}
		Verb hfDaily = this.verbs.stream()
			.filter((verb) -> verb.name().equals(List.of("import", "hf-daily")))
			.findFirst()
			.orElseThrow();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int exit = hfDaily.run(List.of(days.toString()), new PrintStream(out), new PrintStream(out));
		assertThat(exit).as(out.toString()).isZero();
		return listed;
	}

	static void assertSameCounts(SnapshotReport actual, SnapshotReport expected) {
		assertThat(actual.linesRead()).isEqualTo(expected.linesRead());
		assertThat(actual.created()).isEqualTo(expected.created());
		assertThat(actual.updated()).isEqualTo(expected.updated());
		assertThat(actual.unchanged()).isEqualTo(expected.unchanged());
		assertThat(actual.skipped()).isEqualTo(expected.skipped());
	}

	/** Everything the import writes, except the times it wrote it. */
	List<String> catalogState() {
		List<String> rows = new ArrayList<>();
		rows.addAll(this.jdbc.sql("""
				select id, version, title, summary, published_at, arxiv_updated_at, comment, journal_ref, doi, license
				from papers order by id""").query((rs, row) -> {
			StringBuilder text = new StringBuilder();
			for (int i = 1; i <= 10; i++) {
				text.append(rs.getString(i)).append('|');
			}
			return text.toString();
		}).list());
		rows.addAll(this.jdbc.sql("select paper_id, position, name, affiliations from paper_authors order by paper_id, position")
			.query((rs, row) -> rs.getString(1) + "|" + rs.getInt(2) + "|" + rs.getString(3) + "|" + rs.getString(4))
			.list());
		rows.addAll(this.jdbc.sql("select paper_id, position, category from paper_categories order by paper_id, position")
			.query((rs, row) -> rs.getString(1) + "|" + rs.getInt(2) + "|" + rs.getString(3))
			.list());
		rows.addAll(this.jdbc.sql("select paper_id, version, submitted_at from paper_versions order by paper_id, version")
			.query((rs, row) -> rs.getString(1) + "|" + rs.getInt(2) + "|" + rs.getString(3))
			.list());
		return rows;
	}

	/**
	 * The sample with bad lines, a blank line and a paper listed twice spread through it, so that
	 * batches hold skipped lines and a repeated paper splits one.
	 */
	private Path sampleWithFaults() throws IOException {
		List<String> lines = new ArrayList<>(Files.readAllLines(sample()));
		lines.add(10, "{\"id\": ");
		lines.add(60, "");
		lines.add(62, lines.get(61));
		lines.add(100, "{\"id\": \"0704.9999\", \"versions\": 3}");
		lines.add(170, "[]");
		return write("faults.jsonl", lines);
	}

	private SnapshotImporter.Progress stopAfter(int batches) {
		int[] committed = { 0 };
		return (soFar, read, size) -> {
			if (++committed[0] == batches) {
				throw new IllegalStateException("stopped after " + batches + " batches");
			}
		};
	}

	SnapshotReport importFile(Path file, int batchSize) throws IOException {
		return importFile(file, batchSize, (soFar, read, size) -> {
		});
	}

	private SnapshotReport importFile(Path file, int batchSize, SnapshotImporter.Progress progress) throws IOException {
		return this.importer.importFile(file, false, batchSize, new IngestTally((line) -> {
		}), progress);
	}

	private Path write(String name, List<String> lines) throws IOException {
		return Files.write(this.dir.resolve(name), lines);
	}

	long committedLine(Path file) throws IOException {
		String state = this.checkpoints.read(checkpointName(file)).orElseThrow();
		return this.json.readTree(state).get("line").longValue();
	}

	private static String checkpointName(Path file) throws IOException {
		return SnapshotImporter.checkpointName(file.toRealPath().toString());
	}

	static Path sample() {
		return SharedData.require("arxiv-kaggle/arxiv-metadata-oai-snapshot.sample.jsonl");
	}

	private static Path derived() {
		return SharedData.require("arxiv-kaggle/arxiv-cs-2026-05-06.derived.jsonl");
	}

}
