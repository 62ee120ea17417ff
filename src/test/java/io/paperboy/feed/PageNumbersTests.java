package io.paperboy.feed;

import io.paperboy.web.BadRequestException;
import io.paperboy.web.NotFoundException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class PageNumbersTests {

	@Test
	void noPageAskedForIsTheFirst() {
		assertThat(PageNumbers.parse(null)).isEqualTo(1);
		assertThat(PageNumbers.parse("12")).isEqualTo(12);
	}

	@Test
	void aPageThatIsNotAWholeNumberFromOneIsABadRequestThatQuotesItShortened() {
		for (String bad : new String[] { "0", "-1", "01", "1.5", "two", "", "1234567" }) {
			assertThatExceptionOfType(BadRequestException.class).isThrownBy(() -> PageNumbers.parse(bad))
				.withMessage("p must be a page number from 1, not \"" + bad + "\"");
		}
		assertThatExceptionOfType(BadRequestException.class).isThrownBy(() -> PageNumbers.parse("x".repeat(100)))
			.withMessage("p must be a page number from 1, not \"" + "x".repeat(40) + "…\"");
	}

	@Test
	void aPagePastTheLastIsNotFoundAndSaysHowManyThereAre() {
		assertThatNoException().isThrownBy(() -> PageNumbers.requireWithin(3, 3));
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> PageNumbers.requireWithin(4, 3))
			.withMessage("There is no page 4 of these papers; there are 3.");
	}

}
