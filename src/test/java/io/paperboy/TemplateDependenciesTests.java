package io.paperboy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Templates follow the module rules that {@link ModuleStructureTests} checks for the code, which
 * Spring Modulith cannot see in templates: a template in a module's folder ({@code feed/day.jte})
 * names only its own module's types and templates and those of the modules its
 * {@code package-info.java} allows. Templates at the top ({@code layout.jte}, {@code card.jte},
 * {@code paper.jte}, {@code author.jte}) are the frame that puts several features together, as the
 * application does, and may name any module.
 */
class TemplateDependenciesTests {

	private static final Path TEMPLATES = Path.of("src/main/jte");

	/** A module's type ({@code io.paperboy.community.Ballot}) or template ({@code @template.library.save}). */
	private static final Pattern NAMED = Pattern.compile("io\\.paperboy\\.([a-z]+)\\.|@template\\.([a-z]+)\\.");

	@Test
	void everyTemplateFolderIsAModule() throws IOException {
		Set<String> modules = new TreeSet<>();
		ModuleStructureTests.modules.forEach((module) -> modules.add(module.getName()));
		try (Stream<Path> entries = Files.list(TEMPLATES)) {
			List<String> folders = entries.filter(Files::isDirectory).map((folder) -> folder.getFileName().toString()).toList();
			assertThat(folders).isNotEmpty();
			assertThat(modules).as("modules with the name of each folder of " + TEMPLATES).containsAll(folders);
		}
	}

	@Test
	void aModulesTemplatesNameOnlyTheModulesItMayUse() throws IOException {
		List<String> violations = new ArrayList<>();
		int checked = 0;
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path template : files.filter((file) -> file.toString().endsWith(".jte")).sorted().toList()) {
				Path relative = TEMPLATES.relativize(template);
				if (relative.getNameCount() == 1) {
					continue;
				}
				String module = relative.getName(0).toString();
				for (String named : violations(module, allowedDependencies(module), Files.readString(template))) {
					violations.add(relative + " names " + named);
				}
				checked++;
			}
		}
		assertThat(checked).as("templates in module folders").isGreaterThan(40);
		assertThat(violations).as("templates naming modules their module may not use (docs/modules.md)").isEmpty();
	}

	@Test
	void aTemplateNamingAModuleItMayNotUseIsFound() {
		String card = """
				@param io.paperboy.catalog.PaperListing listing
				@param io.paperboy.community.Ballot ballot
				@template.library.save(paper = listing.paper())
				@template.catalog.image(paper = listing.paper())
				""";
		assertThat(violations("catalog", Set.of("account", "web"), card)).containsExactly("community", "library");
		assertThat(violations("library", Set.of("catalog", "community"), card)).isEmpty();
	}

	/** The modules a template of {@code module} names that are neither it nor among those it may use. */
	static Set<String> violations(String module, Set<String> allowed, String template) {
		Set<String> named = new TreeSet<>();
		Matcher matcher = NAMED.matcher(template);
		while (matcher.find()) {
			named.add((matcher.group(1) != null) ? matcher.group(1) : matcher.group(2));
		}
		named.remove(module);
		named.removeAll(allowed);
		return named;
	}

	/** The modules {@code module}'s {@code package-info.java} allows it to use (named interfaces by module). */
	private static Set<String> allowedDependencies(String module) {
		try {
			ApplicationModule declared = Class.forName("io.paperboy." + module + ".package-info")
				.getAnnotation(ApplicationModule.class);
			return Arrays.stream(declared.allowedDependencies())
				.map((dependency) -> dependency.split("::")[0].trim())
				.collect(Collectors.toSet());
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException("no package-info for module " + module, ex);
		}
	}

}
