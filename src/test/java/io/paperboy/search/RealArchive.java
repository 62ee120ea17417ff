package io.paperboy.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.paperboy.catalog.Text;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The real archives of ../shared/data read as the index sees papers. */
final class RealArchive {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private RealArchive() {
	}

	/** An index of these papers in {@code folder}, by words only (no vectors), committed and searchable. */
	static SearchIndex indexByWords(Path folder, List<IndexedPaper> papers) {
		SearchIndex index = SearchIndex.open(folder, MiniLmEmbedder.MODEL);
		index.add(papers, Map.of());
		index.commit(Map.of());
		index.refresh();
		return index;
	}

	/** Every paper of Hugging Face's daily files, once each (a paper listed twice: its later snapshot). */
	static List<IndexedPaper> hfDailyPapers(Path folder) {
		Map<String, IndexedPaper> papers = new LinkedHashMap<>();
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".json")).sorted().toList()) {
				for (JsonNode entry : JSON.readTree(file.toFile())) {
					JsonNode paper = entry.get("paper");
					List<String> authors = new ArrayList<>();
					paper.path("authors").forEach((author) -> authors.add(author.path("name").asString()));
					String published = paper.path("publishedAt").asString(null);
					papers.put(paper.get("id").asString(),
							new IndexedPaper(paper.get("id").asString(), Text.unwrap(paper.get("title").asString()),
									Text.unwrap(paper.path("summary").asString("")), authors, List.of(),
									(published != null) ? Instant.parse(published) : null, paper.path("upvotes").asInt(0)));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new ArrayList<>(papers.values());
	}

	/**
	 * The keywords Hugging Face's daily files give each paper ({@code ai_keywords}, extracted from the
	 * paper by a language model), for the papers that have some.
	 */
	static Map<String, List<String>> hfKeywords(Path folder) {
		Map<String, List<String>> keywords = new LinkedHashMap<>();
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".json")).sorted().toList()) {
				for (JsonNode entry : JSON.readTree(file.toFile())) {
					JsonNode paper = entry.get("paper");
					List<String> words = new ArrayList<>();
					paper.path("ai_keywords").forEach((keyword) -> words.add(keyword.asString()));
					if (!words.isEmpty()) {
						keywords.put(paper.get("id").asString(), words);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return keywords;
	}

	/** The papers of an arXiv metadata snapshot in Kaggle's JSON-lines format, with their categories. */
	static List<IndexedPaper> kaggleSnapshot(Path file) {
		List<IndexedPaper> papers = new ArrayList<>();
		try (Stream<String> lines = Files.lines(file)) {
			lines.filter((line) -> !line.isBlank()).forEach((line) -> {
				JsonNode paper = JSON.readTree(line);
				papers.add(new IndexedPaper(paper.get("id").asString(), Text.unwrap(paper.get("title").asString()),
						Text.unwrap(paper.get("abstract").asString()),
						List.of(paper.path("authors").asString("").split(",\\s*(?:and\\s+)?")),
						List.of(paper.get("categories").asString().split("\\s+")), null, 0));
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return papers;
	}

}
