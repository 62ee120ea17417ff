package io.paperboy.ingest.schedule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.paperboy.support.ScriptedHttpServer;
import io.paperboy.support.SharedData;

import tools.jackson.databind.json.JsonMapper;

/**
 * A local server that plays Hugging Face's {@code GET /api/daily_papers?date=} from the recorded
 * archive: a recorded day answers with its list, any other day with 404, as Hugging Face does.
 */
final class HuggingFacePlayer {

	private HuggingFacePlayer() {
	}

	/** Starts a server that has the lists of these recorded days. */
	static ScriptedHttpServer start(String... days) {
		Path archive = SharedData.hfDailyPapers();
		ScriptedHttpServer server = ScriptedHttpServer.start();
		for (String day : days) {
			String body = read(archive.resolve(day + ".json"));
			server.when((request) -> request.path().equals("/api/daily_papers") && day.equals(request.parameter("date")))
				.thenRespond(200, Map.of("Content-Type", "application/json"), body);
		}
		return server;
	}

	/** The distinct paper ids of recorded days. */
	static Set<String> ids(String... days) {
		Set<String> ids = new LinkedHashSet<>();
		JsonMapper json = JsonMapper.builder().build();
		for (String day : days) {
			Path file = SharedData.hfDailyPapers().resolve(day + ".json");
			if (Files.exists(file)) {
				json.readTree(file.toFile()).forEach((entry) -> ids.add(entry.get("paper").get("id").stringValue()));
			}
		}
		return ids;
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
