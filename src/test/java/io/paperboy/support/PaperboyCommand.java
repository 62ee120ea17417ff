package io.paperboy.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.paperboy.PaperboyApplication;

/**
 * The command that runs Paperboy in a JVM of its own, from the tests' class path, as the
 * {@code process} tests start servers, nodes and verbs. Such a process spends most of its life
 * starting, so its JVM is set for a quick start: the client compiler only (the optimising compiler
 * would spend seconds of CPU on code that runs a few times) and the serial collector (no collector
 * threads competing with the tests for the machine's cores). Half the CPU time of a default JVM,
 * for the same application. (A class-data archive of the application would save more, but Java 17
 * archives no classes from folders such as {@code target/classes}.)
 */
public final class PaperboyCommand {

	private static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

	private PaperboyCommand() {
	}

	/** {@code java ... PaperboyApplication} followed by the arguments. */
	public static List<String> of(String... arguments) {
		return of(List.of(), List.of(arguments));
	}

	/**
	 * {@code java} with the JVM options, then {@code PaperboyApplication} followed by the arguments.
	 * @return a list the caller may add to
	 */
	public static List<String> of(List<String> jvmOptions, List<String> arguments) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(QUICK_START);
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), PaperboyApplication.class.getName()));
		command.addAll(arguments);
		return command;
	}

}
