package io.paperboy.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceOptionsTests {

	private static final Set<String> OAI = Set.of("set", "from", "until", "ids");

	@Test
	void optionsAreReadAsNameValuePairs() {
		SourceOptions options = SourceOptions.parse(List.of("--set", "cs", "--from", "2019-10-01"), OAI);

		assertThat(options.text("set")).contains("cs");
		assertThat(options.date("from")).contains(LocalDate.of(2019, 10, 1));
		assertThat(options.date("until")).isEmpty();
		assertThat(options).hasToString("--set cs --from 2019-10-01");
	}

	@Test
	void aListIsSplitAtCommas() {
		assertThat(SourceOptions.parse(List.of("--ids", "2401.00001, hep-th/9901001,"), OAI).list("ids"))
			.containsExactly("2401.00001", "hep-th/9901001");
	}

	@Test
	void anUnknownOptionIsRefusedWithTheKnownOnes() {
		assertThatThrownBy(() -> SourceOptions.parse(List.of("--sets", "cs"), Set.of("set")))
			.isInstanceOf(SourceOptions.InvalidOptionsException.class)
			.hasMessage("unknown option --sets (known: --set)");
	}

	@Test
	void anOptionWithoutValueIsRefused() {
		assertThatThrownBy(() -> SourceOptions.parse(List.of("--set", "--from", "2019-10-01"), OAI))
			.hasMessage("option --set needs a value");
		assertThatThrownBy(() -> SourceOptions.parse(List.of("--set"), OAI)).hasMessage("option --set needs a value");
	}

	@Test
	void aWordThatIsNotAnOptionIsRefused() {
		assertThatThrownBy(() -> SourceOptions.parse(List.of("cs"), Set.of("set")))
			.hasMessage("expected an option such as --set but found 'cs'");
	}

	@Test
	void aRepeatedOptionIsRefused() {
		assertThatThrownBy(() -> SourceOptions.parse(List.of("--set", "cs", "--set", "math"), OAI))
			.hasMessage("option --set is given twice");
	}

	@Test
	void aMalformedDateIsRefusedWhenRead() {
		SourceOptions options = SourceOptions.parse(List.of("--from", "1 Oct 2019"), OAI);

		assertThatThrownBy(() -> options.date("from"))
			.hasMessage("option --from needs a date like 2019-10-01, not '1 Oct 2019'");
	}

}
