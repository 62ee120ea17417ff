package io.paperboy.ingest.snapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import io.paperboy.catalog.ArxivRecord;
import io.paperboy.catalog.Author;
import io.paperboy.catalog.PaperVersion;
import io.paperboy.support.SharedData;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Lines of the real snapshot sample, as they are and altered by hand. */
class SnapshotLineParserTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private final SnapshotLineParser parser = new SnapshotLineParser(this.json);

	@Test
	void firstRealLineBecomesARecordWithItsWholeVersionHistory() throws Exception {
		ArxivRecord record = parse(realLine("0704.0001"));
		assertThat(record.id()).isEqualTo("0704.0001");
		assertThat(record.version()).isEqualTo(2);
		assertThat(record.title())
			.isEqualTo("Calculation of prompt diphoton production cross sections at Tevatron and\n  LHC energies");
		assertThat(record.summary()).startsWith("A fully differential calculation").endsWith("selection of events.");
		assertThat(record.authors()).extracting(Author::name)
			.containsExactly("C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C. -P. Yuan");
		assertThat(record.categories()).containsExactly("hep-ph");
		assertThat(record.publishedAt()).isEqualTo(Instant.parse("2007-04-02T19:18:42Z"));
		assertThat(record.updatedAt()).isEqualTo(Instant.parse("2007-07-24T20:10:27Z"));
		assertThat(record.versions()).containsExactly(new PaperVersion(1, Instant.parse("2007-04-02T19:18:42Z"), null),
				new PaperVersion(2, Instant.parse("2007-07-24T20:10:27Z"), null));
		assertThat(record.comment()).isEqualTo("37 pages, 15 figures; published version");
		assertThat(record.journalRef()).isEqualTo("Phys.Rev.D76:013009,2007");
		assertThat(record.doi()).isEqualTo("10.1103/PhysRevD.76.013009");
		assertThat(record.license()).isNull();
	}

	@Test
	void categoriesKeepThePrimaryFirstAndLicenceIsKept() throws Exception {
		ArxivRecord record = parse(realLine("0704.0002"));
		assertThat(record.categories()).containsExactly("math.CO", "cs.CG");
		assertThat(record.license()).isEqualTo("http://arxiv.org/licenses/nonexclusive-distrib/1.0/");
		assertThat(record.doi()).isNull();
	}

	@Test
	void fourthPartOfAParsedAuthorIsTheirAffiliation() throws Exception {
		ArxivRecord record = parse(realLine("0704.0044"));
		assertThat(record.authors().get(0)).isEqualTo(Author.fromArxiv("A. A. Schekochihin", List.of("Oxford")));
		assertThat(record.versions()).extracting(PaperVersion::number).containsExactly(1, 2, 3, 4);
		assertThat(record.version()).isEqualTo(4);
	}

	@Test
	void oldStyleIdIsCanonicalised() throws Exception {
		ObjectNode line = realLine("0704.0001");
		line.put("id", "hep-th/9901001");
		assertThat(parse(line).id()).isEqualTo("hep-th/9901001");
		line.put("id", "math.AG/0309136");
		assertThat(parse(line).id()).isEqualTo("math.AG/0309136");
	}

	@Test
	void authorsComeFromTheAuthorsTextWhenNotParsed() throws Exception {
		ObjectNode line = realLine("0704.0001");
		line.remove("authors_parsed");
		line.put("authors", "Ada Lovelace, Charles Babbage and Alan\n  Turing");
		assertThat(parse(line).authors()).extracting(Author::name)
			.containsExactly("Ada Lovelace", "Charles Babbage", "Alan Turing");
	}

	@Test
	void versionsAreSortedAndTheLatestIsTheRecordsVersion() throws Exception {
		ObjectNode line = realLine("0704.0001");
		ArrayNode versions = (ArrayNode) line.get("versions");
		line.set("versions", this.json.createArrayNode().add(versions.get(1)).add(versions.get(0)));
		ArxivRecord record = parse(line);
		assertThat(record.version()).isEqualTo(2);
		assertThat(record.publishedAt()).isEqualTo(Instant.parse("2007-04-02T19:18:42Z"));
	}

	/** arXiv's form is read field by field; what it does not cover goes to the general formatter. */
	@Test
	void versionTimesReadFieldByFieldAgreeWithTheGeneralFormatter() throws Exception {
		assertThat(SnapshotLineParser.gmt("Mon, 2 Apr 2007 19:18:42 GMT")).isEqualTo(Instant.parse("2007-04-02T19:18:42Z"));
		assertThat(SnapshotLineParser.gmt("Tue, 29 Feb 2000 23:59:59 GMT")).isEqualTo(Instant.parse("2000-02-29T23:59:59Z"));
		assertThat(SnapshotLineParser.gmt("2 Apr 2007 00:00:00 GMT")).isEqualTo(Instant.parse("2007-04-02T00:00:00Z"));
		assertThat(SnapshotLineParser.gmt("Mon, 31 Apr 2007 19:18:42 GMT")).as("no such day").isNull();
		assertThat(SnapshotLineParser.gmt("Mon, 2 Apr 2007 19:18:42 CET")).isNull();
		assertThat(SnapshotLineParser.gmt("Mon,  2 Apr 2007 19:18:42 GMT")).isNull();
		assertThat(SnapshotLineParser.gmt("Mon, 2 apr 2007 19:18:42 GMT")).isNull();
		assertThat(SnapshotLineParser.gmt("Mon, 2 Apr 2007 24:00:00 GMT")).isNull();
		assertThat(SnapshotLineParser.gmt("Mon, 2 Apr 2007 19:1x:42 GMT")).isNull();
		assertThat(SnapshotLineParser.gmt("")).isNull();

		// what the field-by-field reading leaves alone, the formatter still reads as before
		ObjectNode line = realLine("0704.0001");
		((ObjectNode) line.get("versions").get(0)).put("created", "Mon,  2 Apr 2007 19:18:42 GMT");
		assertThat(parse(line).publishedAt()).isEqualTo(Instant.parse("2007-04-02T19:18:42Z"));
	}

	@Test
	void faultsNameTheirPlace() throws Exception {
		assertFault("{\"id\": \"0704.0001\", \"title\": ", "not valid JSON");
		assertFault("[1, 2]", "$: expected an object but found an array");
		ObjectNode line = realLine("0704.0001");
		line.remove("id");
		assertFault(line.toString(), "$.id: missing");
		line.put("id", "not-an-id");
		assertFault(line.toString(), "$.id: not an arXiv id: \"not-an-id\"");
		line = realLine("0704.0001");
		line.put("versions", "v1");
		assertFault(line.toString(), "$.versions: expected an array but found a string");
		line = realLine("0704.0001");
		line.put("title", 42);
		assertFault(line.toString(), "$.title: expected a string but found a number");
		line = realLine("0704.0001");
		((ObjectNode) line.get("versions").get(1)).put("created", "yesterday");
		assertFault(line.toString(), "$.versions[1].created: expected a date like");
		line = realLine("0704.0001");
		((ObjectNode) line.get("versions").get(0)).put("version", "first");
		assertFault(line.toString(), "$.versions[0].version: expected v1, v2, ... but found \"first\"");
		line = realLine("0704.0001");
		line.put("abstract", "nul \u0000 inside");
		assertFault(line.toString(), "$.abstract: contains a NUL character");
		line = realLine("0704.0001");
		line.put("doi", "10.1/" + "x".repeat(300));
		assertFault(line.toString(), "$.doi: longer than 255 characters");
		line = realLine("0704.0001");
		((ArrayNode) line.get("authors_parsed")).add(7);
		assertFault(line.toString(), "$.authors_parsed[4]: expected an array but found a number");
	}

	private void assertFault(String line, String reason) {
		byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
		assertThatExceptionOfType(MalformedLineException.class).isThrownBy(() -> this.parser.parse(bytes, bytes.length))
			.withMessageStartingWith(reason);
	}

	private ArxivRecord parse(ObjectNode line) throws MalformedLineException {
		byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
		return this.parser.parse(bytes, bytes.length);
	}

	/** A line of the real sample, as a tree to alter. */
	private ObjectNode realLine(String id) throws IOException {
		Path sample = SharedData.require("arxiv-kaggle/arxiv-metadata-oai-snapshot.sample.jsonl");
		for (String line : Files.readAllLines(sample)) {
			ObjectNode node = (ObjectNode) this.json.readTree(line);
			if (node.get("id").stringValue().equals(id)) {
				return node;
			}
		}
		throw new IllegalArgumentException(id + " is not in the sample");
	}

}
