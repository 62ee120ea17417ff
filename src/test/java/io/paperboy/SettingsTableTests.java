package io.paperboy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README's settings table (section "Configuration") against the configuration metadata the build
 * writes from the {@code @ConfigurationProperties} records: every {@code paperboy.*} property has a
 * row, and every row names a property that exists.
 */
class SettingsTableTests {

	private static final String METADATA = "META-INF/spring-configuration-metadata.json";

	private static final Pattern CODE = Pattern.compile("`([^`]+)`");

	@Test
	void everyPaperboyPropertyHasARowAndEveryRowNamesAProperty() throws IOException {
		Set<String> properties = paperboyProperties();
		Set<String> documented = documentedProperties(Files.readString(Path.of("README.md")));

		Set<String> undocumented = new TreeSet<>(properties);
		undocumented.removeAll(documented);
		Set<String> unknown = new TreeSet<>(documented);
		unknown.removeAll(properties);

		assertThat(properties).as("paperboy.* properties in %s", METADATA).isNotEmpty();
		assertThat(undocumented.isEmpty() && unknown.isEmpty())
			.as("README's settings table and the properties differ.%n"
					+ "Properties without a row in README (section \"Configuration\"): %s%n"
					+ "Rows in README naming no property: %s", undocumented, unknown)
			.isTrue();
	}

	@Test
	void aRowOfOnePropertyShowsTheDefaultItDeclares() throws IOException {
		Map<String, String> declared = paperboyDefaults();
		Map<String, String> shown = documentedDefaults(Files.readString(Path.of("README.md")));

		Map<String, String> differing = new TreeMap<>();
		declared.forEach((name, value) -> {
			String cell = shown.get(name);
			if (cell != null && !cell.equals("`" + value + "`")) {
				differing.put(name, "declared `" + value + "`, README " + cell);
			}
		});

		assertThat(declared).as("defaults in %s", METADATA).isNotEmpty();
		assertThat(differing).as("defaults in README's settings table that differ from the declared ones").isEmpty();
	}

	@Test
	void aRowMayNameSeveralPropertiesBySuffixes() {
		String readme = table("| `paperboy.mail.dkim.domain`, `.selector` | none | DKIM |",
				"| `spring.mail.host` (and `.port`, `.username`) | none | the relay |",
				"| `server.shutdown`, `paperboy.x.timeout` | `graceful`, `5s` | stopping |",
				"| `paperboy.y` | `3` | why |");

		assertThat(documentedProperties(readme)).containsExactly("paperboy.mail.dkim.domain",
				"paperboy.mail.dkim.selector", "paperboy.x.timeout", "paperboy.y");
		assertThat(documentedDefaults(readme)).as("defaults of rows naming one property")
			.containsExactly(Map.entry("paperboy.y", "`3`"));
	}

	@Test
	void indexedAndKeyedNamesStandForTheirListOrMapProperty() {
		String readme = table("| `paperboy.proxies.trusted[0]` | none | a proxy |",
				"| `paperboy.sources.feeds.<name>.url` | none | a feed's address |",
				"| `paperboy.labels.*` | none | labels |");

		assertThat(documentedProperties(readme)).containsExactly("paperboy.proxies.trusted",
				"paperboy.sources.feeds", "paperboy.labels");
	}

	@Test
	void onlyTheFirstColumnOfTheConfigurationTableCounts() {
		String readme = "## Feeds\n\n| property | default | meaning |\n|---|---|---|\n| `paperboy.elsewhere` | x | y |\n\n"
				+ table("| `paperboy.here` | `paperboy.default-elsewhere` | see `paperboy.other` |")
				+ "\n## Map of the code\n\n| `paperboy.after` | | |\n";

		assertThat(documentedProperties(readme)).containsExactly("paperboy.here");
	}

	private static String table(String... rows) {
		return "## Configuration\n\nSettings.\n\n| property | default | meaning |\n|---|---|---|\n"
				+ String.join("\n", rows) + "\n";
	}

	/** Every {@code paperboy.*} property named in a configuration metadata file on the class path. */
	private static Set<String> paperboyProperties() throws IOException {
		Set<String> names = new TreeSet<>();
		for (JsonNode property : metadataProperties()) {
			names.add(property.path("name").asString());
		}
		return names;
	}

	/** The {@code paperboy.*} entries of every configuration metadata file on the class path. */
	private static List<JsonNode> metadataProperties() throws IOException {
		JsonMapper json = JsonMapper.builder().build();
		List<JsonNode> properties = new ArrayList<>();
		for (URL url : Collections.list(SettingsTableTests.class.getClassLoader().getResources(METADATA))) {
			try (InputStream in = url.openStream()) {
				for (JsonNode property : json.readTree(in).path("properties")) {
					if (property.path("name").asString().startsWith("paperboy.")) {
						properties.add(property);
					}
				}
			}
		}
		return properties;
	}

	/** The declared default of every {@code paperboy.*} property that has a single value as default. */
	private static Map<String, String> paperboyDefaults() throws IOException {
		Map<String, String> defaults = new TreeMap<>();
		for (JsonNode property : metadataProperties()) {
			JsonNode value = property.path("defaultValue");
			if (value.isValueNode() && !value.isNull() && !value.isMissingNode()) {
				defaults.put(property.path("name").asString(), value.asString());
			}
		}
		return defaults;
	}

	/** The default column of the rows that name a single property, a {@code paperboy.*} one, by name. */
	static Map<String, String> documentedDefaults(String readme) {
		Map<String, String> defaults = new TreeMap<>();
		for (String row : configurationRows(readme)) {
			String[] cells = row.split("\\|");
			Set<String> names = documentedProperties(table(row));
			if (names.size() == 1 && CODE.matcher(cells[1]).results().count() == 1 && cells.length > 2) {
				defaults.put(names.iterator().next(), cells[2].trim());
			}
		}
		return defaults;
	}

	/**
	 * The {@code paperboy.*} names in the first column of the table in README's "Configuration"
	 * section. A cell may name several: {@code `a.b.c`, `.d`} or {@code `a.b.c` (and `.d`)} names
	 * {@code a.b.c} and {@code a.b.d}. An index ({@code [0]}) or a key ({@code <name>}, {@code *})
	 * stands for the List or Map property before it.
	 */
	static Set<String> documentedProperties(String readme) {
		Set<String> names = new LinkedHashSet<>();
		for (String row : configurationRows(readme)) {
			String cell = row.substring(1, row.indexOf('|', 1));
			String first = null;
			Matcher code = CODE.matcher(cell);
			while (code.find()) {
				String name = code.group(1).trim();
				if (name.startsWith(".") && first != null) {
					name = first.substring(0, first.lastIndexOf('.')) + name;
				}
				else if (first == null) {
					first = name;
				}
				if (name.startsWith("paperboy.")) {
					names.add(listOrMap(name));
				}
			}
		}
		return names;
	}

	private static String listOrMap(String name) {
		String plain = name.replaceAll("\\[[^]]*]", "");
		Matcher key = Pattern.compile("\\.(<[^>]*>|\\*)").matcher(plain);
		return key.find() ? plain.substring(0, key.start()) : plain;
	}

	/** The table rows (header and rule left out) of the section "## Configuration". */
	private static List<String> configurationRows(String readme) {
		List<String> rows = new ArrayList<>();
		boolean inSection = false;
		boolean inTable = false;
		for (String line : readme.split("\n")) {
			if (line.startsWith("## ")) {
				inSection = line.trim().equals("## Configuration");
				continue;
			}
			if (!inSection) {
				continue;
			}
			if (line.startsWith("|")) {
				if (!inTable) {
					inTable = true; // the header
				}
				else if (!line.matches("\\|[-:| ]+\\|?\\s*")) {
					rows.add(line);
				}
			}
			else if (inTable) {
				break;
			}
		}
		return rows;
	}

}
