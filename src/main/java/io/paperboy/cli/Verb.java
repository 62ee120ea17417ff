package io.paperboy.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * A command-line verb ({@code import hf-daily}, {@code ingest run}, {@code reindex}, ...): the
 * same jar and configuration as the server, run without a web server, then the process exits.
 * Each verb has its line in {@link CommandLine#USAGE}, which {@code help} prints.
 */
public interface Verb {

	/** The words that name the verb, e.g. {@code ["import", "hf-daily"]}. */
	List<String> name();

	/**
	 * Runs the verb.
	 * @param operands the words after the verb's name
	 * @param out where results go
	 * @param err where problems go
	 * @return the process exit code: 0 for success
	 */
	int run(List<String> operands, PrintStream out, PrintStream err);

}
