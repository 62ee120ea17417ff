package io.paperboy.ingest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a run of a source is asked to do, as {@code --name value} pairs ({@code ingest run oai --set
 * cs --from 2019-10-01}). A scheduled run has none: the source does its usual work.
 */
public final class SourceOptions {

	private static final SourceOptions NONE = new SourceOptions(Map.of());

	private final Map<String, String> values;

	private SourceOptions(Map<String, String> values) {
		this.values = values;
	}

	/** No options: the source's scheduled work. */
	public static SourceOptions none() {
		return NONE;
	}

	/**
	 * Reads {@code --name value} pairs.
	 * @param words the words after the source's name
	 * @param allowed the option names the source knows
	 * @throws InvalidOptionsException for an unknown option, a repeated one or one without a value
	 */
	public static SourceOptions parse(List<String> words, Set<String> allowed) {
		Map<String, String> values = new LinkedHashMap<>();
		for (int i = 0; i < words.size(); i += 2) {
			String word = words.get(i);
			if (!word.startsWith("--") || word.length() == 2) {
				throw new InvalidOptionsException("expected an option such as --" + allowed.iterator().next()
						+ " but found '" + word + "'");
			}
			String name = word.substring(2);
			if (!allowed.contains(name)) {
				throw new InvalidOptionsException("unknown option --" + name + " (known: "
						+ String.join(", ", allowed.stream().map((known) -> "--" + known).toList()) + ")");
			}
			if (i + 1 >= words.size() || words.get(i + 1).startsWith("--")) {
				throw new InvalidOptionsException("option --" + name + " needs a value");
			}
			if (values.put(name, words.get(i + 1)) != null) {
				throw new InvalidOptionsException("option --" + name + " is given twice");
			}
		}
		return new SourceOptions(Collections.unmodifiableMap(values));
	}

	public boolean isEmpty() {
		return this.values.isEmpty();
	}

	public Optional<String> text(String name) {
		return Optional.ofNullable(this.values.get(name));
	}

	/** A comma-separated list ({@code --ids 2401.00001,hep-th/9901001}); empty when absent. */
	public List<String> list(String name) {
		return text(name).map((value) -> Arrays.stream(value.split(","))
			.map(String::trim)
			.filter((item) -> !item.isEmpty())
			.toList()).orElse(List.of());
	}

	/** An ISO date ({@code 2019-10-01}). */
	public Optional<LocalDate> date(String name) {
		return text(name).map((value) -> {
			try {
				return LocalDate.parse(value);
			}
			catch (DateTimeParseException ex) {
				throw new InvalidOptionsException("option --" + name + " needs a date like 2019-10-01, not '" + value
						+ "'");
			}
		});
	}

	public Optional<Integer> integer(String name) {
		return text(name).map((value) -> {
			try {
				return Integer.parseInt(value);
			}
			catch (NumberFormatException ex) {
				throw new InvalidOptionsException("option --" + name + " needs a whole number, not '" + value + "'");
			}
		});
	}

	/** The options as words again, for the record of a run. */
	@Override
	public String toString() {
		StringBuilder words = new StringBuilder();
		this.values.forEach((name, value) -> words.append(words.isEmpty() ? "" : " ")
			.append("--")
			.append(name)
			.append(' ')
			.append(value));
		return words.toString();
	}

	/** Options a source cannot run with; the message says which and why. */
	public static class InvalidOptionsException extends RuntimeException {

		public InvalidOptionsException(String message) {
			super(message);
		}

	}

}
