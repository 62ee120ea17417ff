package io.paperboy.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line split into words and properties, and which verbs it may name before the
 * application starts.
 */
class CommandLineTests {

	@Test
	void propertiesAnywhereAreLeftToSpringAndOptionsStayWithTheVerb() {
		CommandLine commandLine = CommandLine.parse(new String[] { "--paperboy.data-dir=/srv", "ingest", "run", "oai",
				"--set", "cs", "--server.port=0" });

		assertThat(commandLine.words()).containsExactly("ingest", "run", "oai", "--set", "cs");
	}

	@Test
	void everyVerbThatHelpListsStartsAVerb() {
		for (String words : new String[] { "help", "import hf-daily x", "import arxiv-snapshot f", "ingest status",
				"trending rebuild", "reindex", "digest run", "backup f", "restore f", "user grant admin e",
				"mail dkim-record" }) {
			assertThat(CommandLine.parse(words.split(" ")).startsWithAVerb()).as(words).isTrue();
		}
	}

	@Test
	void aFirstWordThatNoVerbHasStartsNoVerb() {
		assertThat(CommandLine.parse(new String[] { "frobnicate" }).startsWithAVerb()).isFalse();
		// words of a verb's description or of its operands are not verbs
		assertThat(CommandLine.parse(new String[] { "load" }).startsWithAVerb()).isFalse();
		assertThat(CommandLine.parse(new String[] { "EMAIL" }).startsWithAVerb()).isFalse();
		assertThat(CommandLine.parse(new String[] { "hf-daily" }).startsWithAVerb()).isFalse();
	}

	@Test
	void withoutWordsThereIsNoVerb() {
		CommandLine commandLine = CommandLine.parse(new String[] { "--server.port=0" });

		assertThat(commandLine.hasVerb()).isFalse();
		assertThat(commandLine.startsWithAVerb()).isFalse();
	}

}
