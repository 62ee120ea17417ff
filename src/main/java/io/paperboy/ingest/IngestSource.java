package io.paperboy.ingest;

import java.util.Set;

/**
 * A place papers come from (arXiv's API, its OAI-PMH interface, Hugging Face's daily list), run on
 * a schedule or by hand ({@code ingest run NAME [options]}) through {@link IngestRuns}, which
 * records every run.
 */
public interface IngestSource {

	/** The name used on the command line, in properties and in the run records: {@code arxiv}. */
	String name();

	/** The options {@link #run} understands, without their leading dashes. */
	Set<String> options();

	/** One line per option, for the usage text. */
	String usage();

	/** Whether the source is switched on; a source switched off never runs on its schedule. */
	boolean enabled();

	/**
	 * Fetches and saves what the options ask for (without options: the scheduled work). Each page
	 * of records is saved in its own transaction, so a failure leaves whole pages only.
	 * @throws SourceOptions.InvalidOptionsException when the options do not make sense together
	 * @throws RuntimeException when the run fails; what was saved before stays saved
	 */
	void run(SourceOptions options, IngestTally tally);

}
