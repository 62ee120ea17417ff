package io.paperboy.cli;

import java.util.ArrayList;
import java.util.List;

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
			  mail dkim-record           print the DNS TXT record for the configured DKIM key

			Any --property=value (e.g. --paperboy.data-dir=/srv/paperboy) may come before or after the verb.
			""";

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

	public boolean isHelp() {
		return this.words.size() >= 1 && List.of("help", "-h", "-help", "--help").contains(this.words.get(0));
	}

}
