package io.paperboy.ingest.oai;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.paperboy.catalog.ArxivRecord;
import io.paperboy.catalog.Author;
import io.paperboy.catalog.PaperVersion;
import io.paperboy.support.SharedData;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OaiResponseParserTests {

	static final String REAL_PAGE = "arxiv-oai/oai2_ListRecords_arXivRaw_set-cs_2019-10-01_2019-10-09_page1.xml";

	@Test
	void realArxivRawPageHasAThousandRecordsAndTheTokenOfTheNextPage() throws IOException {
		OaiResponse page = OaiResponseParser.parse(Files.readString(SharedData.require(REAL_PAGE)));
		assertThat(page.records()).hasSize(1000);
		assertThat(page.records().stream().map(ArxivRecord::id).distinct()).hasSize(1000);
		assertThat(page.skipped()).isEmpty();
		assertThat(page.deletedIds()).isEmpty();
		assertThat(page.resumptionToken()).isEqualTo("3996692|1001");
		assertThat(page.completeListSize()).isEqualTo(2525);
		assertThat(page.versionsKnown()).isTrue();
		assertThat(page.last()).isFalse();
		// counted in the file: 164 records with one version, 836 with more
		assertThat(page.records().stream().filter((record) -> record.versions().size() == 1)).hasSize(164);
		assertThat(page.records().stream().filter((record) -> record.doi() != null)).hasSize(251);
		assertThat(page.records().stream().filter((record) -> record.journalRef() != null)).hasSize(145);
	}

	@Test
	void realArxivRawRecordKeepsEveryField() throws IOException {
		ArxivRecord record = realRecords().get("1207.4664");
		assertThat(record.version()).isEqualTo(1);
		assertThat(record.title()).isEqualTo("Quantitative photoacoustic imaging in radiative transport regime");
		assertThat(record.authors()).extracting(Author::name).containsExactly("Alexander V. Mamonov", "Kui Ren");
		assertThat(record.categories()).containsExactly("physics.med-ph", "cs.NA", "math.NA", "physics.optics");
		assertThat(record.comment()).isEqualTo("40 pages, 13 figures");
		assertThat(record.journalRef()).isEqualTo("Communications in Mathematical Sciences, 12(2):201-234, 2014");
		assertThat(record.doi()).isEqualTo("10.4310/CMS.2014.v12.n2.a1");
		assertThat(record.license()).isEqualTo("http://arxiv.org/licenses/nonexclusive-distrib/1.0/");
		assertThat(record.summary()).startsWith("The objective of quantitative photoacoustic tomography (QPAT) is to\n")
			.endsWith("stable.");
		assertThat(record.publishedAt()).isEqualTo(Instant.parse("2012-07-19T13:39:08Z"));
		assertThat(record.updatedAt()).isEqualTo(record.publishedAt());
		assertThat(record.versions()).containsExactly(new PaperVersion(1, Instant.parse("2012-07-19T13:39:08Z"), "11129kb"));
	}

	@Test
	void realArxivRawRecordGivesTheWholeVersionHistory() throws IOException {
		ArxivRecord record = realRecords().get("1212.1710");
		assertThat(record.version()).isEqualTo(7);
		assertThat(record.versions()).hasSize(7);
		assertThat(record.versions().get(0)).isEqualTo(new PaperVersion(1, Instant.parse("2012-12-09T19:39:10Z"), "893kb"));
		assertThat(record.versions().get(6)).isEqualTo(new PaperVersion(7, Instant.parse("2019-10-06T18:18:31Z"), "1981kb"));
		assertThat(record.publishedAt()).isEqualTo(Instant.parse("2012-12-09T19:39:10Z"));
		assertThat(record.updatedAt()).isEqualTo(Instant.parse("2019-10-06T18:18:31Z"));
		assertThat(record.title()).isEqualTo("The information and its observer: external and internal information\n"
				+ "  processes, information cooperation, and the origin of the observer intellect");
		assertThat(record.categories()).first().isEqualTo("nlin.AO");
	}

	@Test
	void realArxivRawAuthorsWithNumberedAffiliationsGetTheirAffiliations() throws IOException {
		ArxivRecord record = realRecords().get("1812.03145");
		assertThat(record.authors()).containsExactly(
				Author.fromArxiv("Oksana Shadura", List.of("University of Nebraska Lincoln")),
				Author.fromArxiv("Brian Paul Bockelman", List.of("University of Nebraska Lincoln")),
				Author.fromArxiv("Vassil Vassilev", List.of("Princeton University")));
	}

	@Test
	void arxivFormatRecordHasStructuredAuthorsAndVersionOneWithItsCreationDay() {
		OaiResponse page = OaiResponseParser.parse(fixture("arxiv-format-page1.xml"));
		assertThat(page.versionsKnown()).isFalse();
		assertThat(page.records()).extracting(ArxivRecord::id).containsExactly("0704.0001", "cs/9901001", "2401.00001");
		ArxivRecord record = page.records().get(0);
		assertThat(record.authors()).containsExactly(
				Author.fromArxiv("C. Balázs", List.of("Argonne National Laboratory")),
				Author.fromArxiv("E. L. Berger", List.of("Argonne National Laboratory", "University of Chicago")),
				Author.fromArxiv("P. M. Nadolsky", List.of()), Author.fromArxiv("C. -P. Yuan Jr", List.of()));
		assertThat(record.title()).isEqualTo("Calculation of prompt diphoton production cross sections at Tevatron and\n"
				+ "  LHC energies");
		assertThat(record.categories()).containsExactly("hep-ph", "cs.LG", "stat.ML");
		assertThat(record.version()).isEqualTo(1);
		assertThat(record.publishedAt()).isEqualTo(Instant.parse("2007-04-02T00:00:00Z"));
		assertThat(record.updatedAt()).isEqualTo(Instant.parse("2007-07-24T00:00:00Z"));
		assertThat(record.versions()).containsExactly(new PaperVersion(1, Instant.parse("2007-04-02T00:00:00Z"), null));
		assertThat(record.comment()).isEqualTo("37 pages, 15 figures; published version");
		assertThat(record.journalRef()).isEqualTo("Phys.Rev.D76:013009,2007");
		assertThat(record.doi()).isEqualTo("10.1103/PhysRevD.76.013009");
		assertThat(record.license()).isEqualTo("http://arxiv.org/licenses/nonexclusive-distrib/1.0/");
		assertThat(record.summary()).startsWith("A fully differential").endsWith("hadron colliders.");
	}

	@Test
	void arxivFormatOldStyleRecordWithoutUpdateIsUpdatedWhenCreated() {
		ArxivRecord record = OaiResponseParser.parse(fixture("arxiv-format-page1.xml")).records().get(1);
		assertThat(record.title()).isEqualTo("An old-style identifier & a single version");
		assertThat(record.summary()).isEqualTo("An abstract with an entity: x < y.");
		assertThat(record.updatedAt()).isEqualTo(record.publishedAt()).isEqualTo(Instant.parse("1999-01-04T00:00:00Z"));
		assertThat(record.comment()).isNull();
		assertThat(record.doi()).isNull();
	}

	@Test
	void deletedRecordsAreListedApartAndTheTokenIsRead() {
		OaiResponse page = OaiResponseParser.parse(fixture("arxiv-format-page1.xml"));
		assertThat(page.deletedIds()).containsExactly("0704.0002");
		assertThat(page.resumptionToken()).isEqualTo("arXiv|cs|2024-01-01|2024-01-31|4");
		assertThat(page.completeListSize()).isEqualTo(6);
	}

	@Test
	void lastPageHasAnEmptyTokenAndARecordWithABadIdIsSkippedWithItsReason() {
		OaiResponse page = OaiResponseParser.parse(fixture("arxiv-format-page2.xml"));
		assertThat(page.last()).isTrue();
		assertThat(page.records()).extracting(ArxivRecord::id).containsExactly("2401.00001", "2401.00002");
		assertThat(page.skipped()).containsExactly("oai:arXiv.org:not-an-id: 'not-an-id' is not an arXiv id");
	}

	@Test
	void oaiErrorsAreThrownWithTheirCode() {
		assertThatExceptionOfType(OaiErrorException.class)
			.isThrownBy(() -> OaiResponseParser.parse(OaiBodies.error("noRecordsMatch", "No records match")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("noRecordsMatch"))
			.withMessage("OAI-PMH error noRecordsMatch: No records match");
	}

	@Test
	void htmlErrorPageIsNotAnOaiDocument() {
		assertThatExceptionOfType(MalformedResponseException.class).isThrownBy(() -> OaiResponseParser
			.parse("<!DOCTYPE html>\n<html><head><title>Oops</title></head><body><p>Server error</p></body></html>"))
			.withMessageContaining("not an OAI-PMH document (its root is <html>)");
	}

	@Test
	void malformedAndTruncatedXmlFailWithWhereItBroke() {
		String page = fixture("arxiv-format-page1.xml");
		assertThatExceptionOfType(MalformedResponseException.class)
			.isThrownBy(() -> OaiResponseParser.parse(page.substring(0, page.length() / 2)))
			.withMessageStartingWith("The answer is not well-formed XML (line ");
		assertThatExceptionOfType(MalformedResponseException.class)
			.isThrownBy(() -> OaiResponseParser.parse(page.replace("</title>", "</titel>")))
			.withMessageStartingWith("The answer is not well-formed XML (line ");
		assertThatExceptionOfType(MalformedResponseException.class).isThrownBy(() -> OaiResponseParser.parse(""));
	}

	@Test
	void externalEntitiesAreNeverResolved() throws IOException {
		java.nio.file.Path secret = Files.createTempFile("paperboy-oai", ".txt");
		Files.writeString(secret, "SECRET");
		String body = "<?xml version=\"1.0\"?><!DOCTYPE OAI-PMH [<!ENTITY leak SYSTEM \"" + secret.toUri() + "\">]>"
				+ OaiBodies.page(null, OaiBodies.rawRecord("2401.00001", 1, "&leak;")).replaceFirst("<\\?xml[^>]*>", "");
		try {
			OaiResponse page = OaiResponseParser.parse(body);
			assertThat(page.records()).allSatisfy((record) -> assertThat(record.title()).doesNotContain("SECRET"));
		}
		catch (MalformedResponseException ex) {
			assertThat(ex.getMessage()).doesNotContain("SECRET");
		}
		finally {
			Files.delete(secret);
		}
	}

	@Test
	void arxivRawAuthorLineIsSplitIntoNamesAndAffiliations() {
		assertThat(AuthorList.parse("A. One, B. Two and\n  C. Three")).extracting(Author::name)
			.containsExactly("A. One", "B. Two", "C. Three");
		assertThat(AuthorList.parse("A. One, B. Two, and C. Three")).extracting(Author::name)
			.containsExactly("A. One", "B. Two", "C. Three");
		assertThat(AuthorList.parse("Thomas Bonald (LINCS), C\\'eline Comte (LINCS, Nokia)")).containsExactly(
				Author.fromArxiv("Thomas Bonald", List.of("LINCS")),
				Author.fromArxiv("C\\'eline Comte", List.of("LINCS, Nokia")));
		assertThat(AuthorList.parse("Yuka Takahashi (1 and 2), Vassil Vassilev (1) ((1) Princeton, (2) CERN)"))
			.containsExactly(Author.fromArxiv("Yuka Takahashi", List.of("Princeton", "CERN")),
					Author.fromArxiv("Vassil Vassilev", List.of("Princeton")));
		assertThat(AuthorList.parse("  ")).isEmpty();
	}

	private static Map<String, ArxivRecord> realRecords() throws IOException {
		return OaiResponseParser.parse(Files.readString(SharedData.require(REAL_PAGE)))
			.records()
			.stream()
			.collect(Collectors.toMap(ArxivRecord::id, Function.identity()));
	}

	static String fixture(String name) {
		try (InputStream in = OaiResponseParserTests.class.getResourceAsStream(name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
