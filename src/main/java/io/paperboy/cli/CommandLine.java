package io.paperboy.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The command line split into Spring properties ({@code --name=value}, anywhere) and words (the
 * verb, its operands and its options such as {@code --set cs}), so that properties work before or
 * after the verb.
 *
 * @param words the verb's words and its operands, in order
 */
public record CommandLine(List<String> words) {

	/**
	 * The verbs, as {@code help} lists them: every {@link Verb}'s name starts a line here (a test
	 * holds each verb bean to that).
	 */
	public static final String USAGE = """
			Usage: java -jar paperboy.jar [--property=value ...] [VERB [OPERANDS...]]

			Without a verb, Paperboy serves the site and the API (http://localhost:8080 by default).

			Verbs:
			  help                       show this text
			  import hf-daily PATH...    load files or folders in the format of Hugging Face's
			                             GET /api/daily_papers (one file = one day, named YYYY-MM-DD.json)
			  import arxiv-snapshot FILE [--restart]
			                             load arXiv's metadata snapshot (JSON Lines, may be gzipped); resumes
			  ingest run SOURCE [--option value ...]
			                             run one source now (arxiv, arxiv-refresh, oai, hf);
			                             without a source, lists them and their options
			  ingest status              per source: the last run, its counts and errors, the next run
			  trending rebuild           recompute every trending score from the votes and imported counts
			  reindex [text-only]        rebuild the search index from the database, then embed the papers
			                             not embedded yet (text-only: leave that to the server)
			  digest preview EMAIL       print the digest EMAIL would get now (text part)
			  digest run [--now]         send the email digests due now (--now: every confirmed
			                             subscription, still at most one digest per period)
			  backup FILE                write a consistent copy of the embedded database to FILE (a new
			                             file), also while the server runs
			  restore FILE               bring a backup into an empty data directory (--paperboy.data-dir)
			  user grant-admin EMAIL     make the account of EMAIL an administrator
			  user grant|revoke curator|admin EMAIL
			                             give or take a role
			  user link USERNAME EMAIL   let EMAIL sign in as a submitter an import created
			  user delete USERNAME       delete an account and what its member kept (docs/privacy.md)
			  mail dkim-record           print the DNS TXT record for the configured DKIM key

			Any --property=value (e.g. --paperboy.data-dir=/srv/paperboy) may come before or after the verb.
			""";

	/**
	 * The first word of every verb {@link #USAGE} lists ({@code import}, {@code ingest}, ...): a
	 * command line that starts with none of them is a usage error, answered without starting the
	 * application.
	 */
	private static final Set<String> VERB_WORDS = USAGE.lines()
		.dropWhile((line) -> !line.equals("Verbs:"))
		.skip(1)
		.takeWhile((line) -> !line.isBlank())
		// a verb's line starts with two spaces; its continuation lines with more
		.filter((line) -> line.startsWith("  ") && !line.startsWith("   "))
		.map((line) -> line.strip().split(" ")[0])
		.collect(Collectors.toUnmodifiableSet());

	public static CommandLine parse(String[] args) {
		List<String> words = new ArrayList<>();
		for (String arg : args) {
			// --name=value is a Spring property; --name alone is an option of the verb (--set cs)
			if (!arg.startsWith("--") || !arg.contains("=")) {
				words.add(arg);
			}
		}
		return new CommandLine(List.copyOf(words));
	}

	/** Whether a verb was given; without one, the web server starts. */
	public boolean hasVerb() {
		return !this.words.isEmpty();
	}

	/**
	 * Whether the verb runs in the whole application, database open. {@code restore} does not: it
	 * writes the database file itself, into a data directory that must stay empty until it does.
	 */
	public boolean opensDatabase() {
		return !(this.words.size() >= 1 && this.words.get(0).equals("restore"));
	}

	/**
	 * Whether the first word starts a verb that {@link #USAGE} lists. When it does not, no verb can
	 * match, and the application need not start to say so ({@link VerbRunner#unknownVerb}).
	 */
	public boolean startsWithAVerb() {
		return hasVerb() && VERB_WORDS.contains(this.words.get(0));
	}

	public boolean isHelp() {
		return this.words.size() >= 1 && List.of("help", "-h", "-help", "--help").contains(this.words.get(0));
	}

}
