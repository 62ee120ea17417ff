package io.paperboy.community;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What members paste into the submit form, and the id read from it. */
class PaperReferenceTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			2401.00001                                      | 2401.00001
			  2401.00001v2                                  | 2401.00001
			arXiv:2401.00001                                | 2401.00001
			ARXIV:2401.00001v3                              | 2401.00001
			arxiv.org/abs/2401.00001v2                      | 2401.00001
			www.arxiv.org/abs/2401.00001                    | 2401.00001
			https://arxiv.org/abs/2401.00001                | 2401.00001
			http://arxiv.org/abs/2401.00001v1               | 2401.00001
			https://arxiv.org/pdf/2401.00001.pdf            | 2401.00001
			https://arxiv.org/pdf/2401.00001v2              | 2401.00001
			https://export.arxiv.org/abs/2401.00001         | 2401.00001
			https://arxiv.org/html/2401.00001v1             | 2401.00001
			https://arxiv.org/abs/2401.00001/               | 2401.00001
			https://arxiv.org/abs/2401.00001?context=cs.CL  | 2401.00001
			https://arxiv.org/abs/2401.00001#comments       | 2401.00001
			https://huggingface.co/papers/2401.00001        | 2401.00001
			hep-th/9901001                                  | hep-th/9901001
			https://arxiv.org/abs/hep-th/9901001v2          | hep-th/9901001
			arxiv.org/pdf/math.GT/0309136                   | math.GT/0309136
			1501.00001                                      | 1501.00001
			0704.0001                                       | 0704.0001
			""")
	void aPastedIdOrAddressNamesItsPaper(String text, String id) {
		assertThat(PaperReference.parse(text)).hasValueSatisfying((parsed) -> assertThat(parsed.id()).isEqualTo(id));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "hello", "2401.1", "2413.00001", "1412.00001", "0703.0001",
			"https://example.org/abs/2401.00001", "https://arxiv.org/list/cs.CL/recent", "arxiv.org/abs/",
			"2401.00001 2401.00002", "javascript:alert(1)", "<script>2401.00001</script>" })
	void textThatNamesNoArxivPaperIsNotAnId(String text) {
		assertThat(PaperReference.parse(text)).isEmpty();
	}

	@org.junit.jupiter.api.Test
	void nothingIsNotAnId() {
		assertThat(PaperReference.parse(null)).isEmpty();
	}

}
