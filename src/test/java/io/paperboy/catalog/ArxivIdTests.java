package io.paperboy.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ArxivIdTests {

	@Test
	void newStyleIdWithFourDigitsFromBefore2015IsItsOwnCanonicalForm() {
		ArxivId id = ArxivId.parse("0704.0001");
		assertThat(id.id()).isEqualTo("0704.0001");
		assertThat(id.version()).isNull();
		assertThat(id.hasVersion()).isFalse();
		assertThat(id.isOldStyle()).isFalse();
	}

	@Test
	void newStyleIdWithFiveDigitsFrom2015IsItsOwnCanonicalForm() {
		ArxivId id = ArxivId.parse("2401.00001");
		assertThat(id.id()).isEqualTo("2401.00001");
		assertThat(id.version()).isNull();
		assertThat(id.toString()).isEqualTo("2401.00001");
	}

	@Test
	void lastFourDigitMonthAndFirstFiveDigitMonthAreBothAccepted() {
		assertThat(ArxivId.tryParse("1412.9999")).map(ArxivId::id).contains("1412.9999");
		assertThat(ArxivId.tryParse("1501.00001")).map(ArxivId::id).contains("1501.00001");
	}

	@Test
	void versionIsKeptBesideTheCanonicalIdWithoutIt() {
		ArxivId id = ArxivId.parse("2401.00001v2");
		assertThat(id.id()).isEqualTo("2401.00001");
		assertThat(id.version()).isEqualTo(2);
		assertThat(id.hasVersion()).isTrue();
		assertThat(id.toString()).isEqualTo("2401.00001v2");
	}

	@Test
	void arxivPrefixIsRemovedWhateverItsCase() {
		assertThat(ArxivId.parse("arXiv:2401.00001").id()).isEqualTo("2401.00001");
		assertThat(ArxivId.parse("ARXIV:2401.00001v3")).isEqualTo(new ArxivId("2401.00001", 3));
	}

	@Test
	void surroundingWhitespaceIsIgnored() {
		assertThat(ArxivId.parse("  2401.00001\n").id()).isEqualTo("2401.00001");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://arxiv.org/abs/2401.00001v2", "http://arxiv.org/abs/2401.00001v2",
			"https://www.arxiv.org/abs/2401.00001v2", "https://export.arxiv.org/abs/2401.00001v2",
			"https://arxiv.org/pdf/2401.00001v2", "https://arxiv.org/pdf/2401.00001v2.pdf" })
	void abstractAndPdfUrlsNameTheIdAndVersion(String url) {
		assertThat(ArxivId.parse(url)).isEqualTo(new ArxivId("2401.00001", 2));
	}

	@Test
	void oldStyleIdKeepsItsArchive() {
		ArxivId id = ArxivId.parse("hep-th/9901001");
		assertThat(id.id()).isEqualTo("hep-th/9901001");
		assertThat(id.version()).isNull();
		assertThat(id.isOldStyle()).isTrue();
	}

	@Test
	void oldStyleIdWithSubjectClassAndVersionKeepsTheSubjectClassUppercase() {
		assertThat(ArxivId.parse("math.GT/0309136v2")).isEqualTo(new ArxivId("math.GT/0309136", 2));
		assertThat(ArxivId.parse("math.gt/0309136").id()).isEqualTo("math.GT/0309136");
	}

	@Test
	void oldStyleIdWithHyphenatedArchiveIsAccepted() {
		assertThat(ArxivId.parse("astro-ph/0601001").id()).isEqualTo("astro-ph/0601001");
	}

	@Test
	void oldStyleAbstractUrlIsAccepted() {
		assertThat(ArxivId.parse("https://arxiv.org/abs/hep-th/9901001v1"))
			.isEqualTo(new ArxivId("hep-th/9901001", 1));
	}

	@Test
	void firstAndLastMonthsOfTheOldSchemeAreAccepted() {
		assertThat(ArxivId.tryParse("hep-th/9108001")).isPresent();
		assertThat(ArxivId.tryParse("hep-th/0703001")).isPresent();
	}

	@Test
	void versionZeroIsAcceptedAsNamingNoVersion() {
		// arXiv numbers versions from 1; a "v0" is read as if no version had been given
		ArxivId id = ArxivId.parse("2401.00001v0");
		assertThat(id).isEqualTo(new ArxivId("2401.00001", null));
		assertThat(id.hasVersion()).isFalse();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "   ", "abc", "1234.5678", "2400.00001", "0704.00001", "1501.0001", "0612.0001",
			"hep-th/0704001", "hep-th/9107001", "hep-th/5001001", "hep-th/9913001", "../../etc/passwd",
			"2401. 00001", "2401 .00001", "2401.00001 v2", "hep-th /9901001", "arXiv: 2401.00001",
			"2401.00001v", "2401.00001v12345", "HEP-TH/9901001", "2401.000001", "24010.0001",
			"https://arxiv.org/abs/../../etc/passwd", "https://example.org/abs/2401.00001", "2401.00001/../x" })
	void textThatIsNotAnArxivIdIsRejected(String text) {
		assertThat(ArxivId.tryParse(text)).isEmpty();
		assertThatExceptionOfType(InvalidArxivIdException.class).isThrownBy(() -> ArxivId.parse(text));
	}

	@Test
	void veryLongTextIsRejectedAndAbbreviatedInTheMessage() {
		String text = "2401.00001" + "1".repeat(9_990);
		assertThat(text).hasSize(10_000);
		assertThat(ArxivId.tryParse(text)).isEmpty();
		assertThatExceptionOfType(InvalidArxivIdException.class).isThrownBy(() -> ArxivId.parse(text))
			.satisfies((ex) -> assertThat(ex.getMessage()).hasSizeLessThan(300).contains("2401.00001"));
	}

}
