package io.paperboy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every table has one owner, named in {@code docs/modules.md}: only the owner's SQL writes it, and
 * another module's SQL reads it only where the owner publishes it as a read model. The SQL is
 * found in the string literals and text blocks of the main sources.
 */
class TableOwnershipTests {

	private static final Path SOURCES = Path.of("src/main/java/io/paperboy");

	private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	private static final Path DOCUMENT = Path.of("docs/modules.md");

	/** A row of the document's table: {@code | `papers` | catalog | V1 | any module |}. */
	private static final Pattern OWNER_ROW = Pattern
		.compile("^\\| `([a-z_]+)` \\| ([a-z]+) \\| [^|]+ \\| ([^|]+) \\|", Pattern.MULTILINE);

	private static final Pattern CREATE_TABLE = Pattern.compile("(?i)\\bcreate\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_]+)");

	private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);

	private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

	private static final Pattern WRITE = Pattern
		.compile("(?i)\\b(?:insert\\s+into|update|delete\\s+from|merge\\s+into)\\s+([a-z_]+)");

	private static final Pattern READ = Pattern.compile("(?i)\\b(?:from|join)\\s+([a-z_]+)");

	@Test
	void everyTableTheMigrationsCreateHasAnOwnerInTheDocument() {
		assertThat(owners().keySet()).containsExactlyInAnyOrderElementsOf(createdTables());
	}

	@Test
	void onlyItsOwnerWritesATable() {
		Map<String, Owner> owners = owners();
		List<String> violations = new ArrayList<>();
		for (Access access : accesses(WRITE, owners.keySet())) {
			if (!owners.get(access.table()).module().equals(access.module())) {
				violations.add(access.file() + " (" + access.module() + ") writes " + access.table() + ", owned by "
						+ owners.get(access.table()).module());
			}
		}
		assertThat(violations).isEmpty();
	}

	@Test
	void anotherModuleReadsATableOnlyWhereItsOwnerPublishesIt() {
		Map<String, Owner> owners = owners();
		List<String> violations = new ArrayList<>();
		for (Access access : accesses(READ, owners.keySet())) {
			Owner owner = owners.get(access.table());
			if (!owner.module().equals(access.module()) && !owner.mayBeReadBy(access.module())) {
				violations.add(access.file() + " (" + access.module() + ") reads " + access.table() + ", owned by "
						+ owner.module() + ", which does not publish it to " + access.module());
			}
		}
		assertThat(violations).isEmpty();
	}

	@Test
	void onlyTheBaseModulesTablesAreReadDirectlyByOtherModules() {
		Map<String, Owner> features = new TreeMap<>(owners());
		features.values().removeIf((owner) -> owner.module().equals("catalog") || owner.module().equals("account"));
		assertThat(features).allSatisfy((table, owner) -> assertThat(owner.readers()).as("readers of " + table).isEmpty());
	}

	@Test
	void theScanFindsTheStatementsOfTheMainSources() {
		Set<String> owners = owners().keySet();
		assertThat(accesses(WRITE, owners)).contains(new Access("community", "votes", "community/VoteRepository.java"),
				new Access("catalog", "papers", "catalog/PaperCounters.java"));
		assertThat(accesses(READ, owners)).contains(new Access("search", "papers", "search/SearchRepository.java"));
	}

	@Test
	void statementsAreFoundInTextBlocksAndInStrings() {
		String source = """
				class Example {
					String one = "update papers set member_votes = 1 where id = :id for update";
					String two = \"""
							select v.paper_id from votes v
							join daily_entries e on e.paper_id = v.paper_id
							\""";
					String three = "Papers from arXiv, delete them";
				}
				""";
		Set<String> tables = Set.of("papers", "votes", "daily_entries", "users");
		assertThat(tablesIn(source, WRITE, tables)).containsExactly("papers");
		assertThat(tablesIn(source, READ, tables)).containsExactly("daily_entries", "votes");
	}

	@Test
	void aModuleListedAsReaderMayReadAndNoOtherMay() {
		assertThat(new Owner("community", Set.of("feed")).mayBeReadBy("feed")).isTrue();
		assertThat(new Owner("community", Set.of("feed")).mayBeReadBy("stats")).isFalse();
		assertThat(new Owner("catalog", Set.of(Owner.ANY)).mayBeReadBy("stats")).isTrue();
		assertThat(new Owner("feed", Set.of()).mayBeReadBy("digest")).isFalse();
	}

	private static Map<String, Owner> owners() {
		Map<String, Owner> owners = new TreeMap<>();
		Matcher row = OWNER_ROW.matcher(read(DOCUMENT));
		while (row.find()) {
			Set<String> readers = new TreeSet<>();
			String cell = row.group(3).strip();
			if (cell.equals("any module")) {
				readers.add(Owner.ANY);
			}
			else if (!cell.equals("—")) {
				for (String reader : cell.split(",")) {
					readers.add(reader.strip());
				}
			}
			assertThat(owners.put(row.group(1), new Owner(row.group(2), readers))).as("row of " + row.group(1)).isNull();
		}
		assertThat(owners).as("the table of owners in " + DOCUMENT).isNotEmpty();
		return owners;
	}

	private static Set<String> createdTables() {
		Set<String> tables = new TreeSet<>();
		for (Path migration : files(MIGRATIONS, ".sql")) {
			Matcher create = CREATE_TABLE.matcher(read(migration));
			while (create.find()) {
				tables.add(create.group(1).toLowerCase());
			}
		}
		return tables;
	}

	private static List<Access> accesses(Pattern statement, Set<String> tables) {
		List<Access> accesses = new ArrayList<>();
		for (Path file : files(SOURCES, ".java")) {
			Path relative = SOURCES.relativize(file);
			// classes at the root (the application's start) belong to no module
			String module = (relative.getNameCount() > 1) ? relative.getName(0).toString() : "";
			for (String table : tablesIn(read(file), statement, tables)) {
				accesses.add(new Access(module, table, relative.toString()));
			}
		}
		return accesses;
	}

	/** The known tables that the statements in the source's string literals and text blocks name. */
	private static Set<String> tablesIn(String source, Pattern statement, Set<String> tables) {
		Set<String> named = new TreeSet<>();
		List<String> literals = new ArrayList<>();
		Matcher block = TEXT_BLOCK.matcher(source);
		while (block.find()) {
			literals.add(block.group(1));
		}
		Matcher string = STRING.matcher(TEXT_BLOCK.matcher(source).replaceAll(""));
		while (string.find()) {
			literals.add(string.group(1));
		}
		// each literal alone: "... for update" followed by another literal is no statement
		for (String literal : literals) {
			Matcher found = statement.matcher(literal);
			while (found.find()) {
				String table = found.group(1).toLowerCase();
				if (tables.contains(table)) {
					named.add(table);
				}
			}
		}
		return named;
	}

	private static List<Path> files(Path root, String suffix) {
		try (Stream<Path> paths = Files.walk(root)) {
			return paths.filter((path) -> path.toString().endsWith(suffix)).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path path) {
		try {
			return Files.readString(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A table's owner and the other modules that may read it (its published read model). */
	record Owner(String module, Set<String> readers) {

		static final String ANY = "*";

		boolean mayBeReadBy(String other) {
			return this.readers.contains(ANY) || this.readers.contains(other);
		}

	}

	private record Access(String module, String table, String file) {
	}

}
