package io.paperboy.ingest.arxiv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.paperboy.support.SharedData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The recorded answers of arXiv's API in {@code ../shared/data/arxiv-api}, read in place. */
final class RecordedResponses {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static List<Recorded> all;

	private RecordedResponses() {
	}

	/** Every recorded answer, in file-name order; skips the test when the shared data is absent. */
	static synchronized List<Recorded> all() {
		Path folder = SharedData.require("arxiv-api");
		if (all != null) {
			return all;
		}
		try (Stream<Path> files = Files.list(folder)) {
			all = files.filter((file) -> file.getFileName().toString().endsWith(".json"))
				.sorted()
				.map(RecordedResponses::read)
				.toList();
			return all;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The one recorded answer whose file name starts with {@code prefix} ({@code id_abc_}). */
	static Recorded named(String prefix) {
		List<Recorded> matching = all().stream().filter((recorded) -> recorded.file().startsWith(prefix)).toList();
		if (matching.size() != 1) {
			throw new IllegalArgumentException(matching.size() + " recorded answers start with " + prefix);
		}
		return matching.get(0);
	}

	private static Recorded read(Path file) {
		try {
			JsonNode node = JSON.readTree(Files.readString(file));
			return new Recorded(file.getFileName().toString(), node.get("url").asString(),
					node.get("status_code").asInt(), node.get("body").asString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One recorded answer.
	 *
	 * @param file its file name
	 * @param url the request it answered
	 * @param status its HTTP status
	 * @param body the Atom document
	 */
	record Recorded(String file, String url, int status, String body) {

		@Override
		public String toString() {
			return this.file;
		}

	}

}
