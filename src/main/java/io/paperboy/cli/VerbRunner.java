package io.paperboy.cli;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;

/** Finds the verb the words name (the longest match wins) and runs it. */
@Component
public class VerbRunner {

	/** Exit code for a command line that names no known verb. */
	public static final int USAGE_ERROR = 2;

	private final List<Verb> verbs;

	VerbRunner(List<Verb> verbs) {
		this.verbs = verbs.stream().sorted(Comparator.comparingInt((Verb verb) -> verb.name().size()).reversed()).toList();
	}

	public int run(List<String> words, PrintStream out, PrintStream err) {
		for (Verb verb : this.verbs) {
			List<String> name = verb.name();
			if (words.size() >= name.size() && words.subList(0, name.size()).equals(name)) {
				return verb.run(words.subList(name.size(), words.size()), out, err);
			}
		}
		return unknownVerb(words, err);
	}

	/** Says that the words name no verb, lists the verbs, and returns {@link #USAGE_ERROR}. */
	public static int unknownVerb(List<String> words, PrintStream err) {
		err.println("Unknown verb: " + String.join(" ", words));
		err.println();
		err.print(CommandLine.USAGE);
		return USAGE_ERROR;
	}

}
