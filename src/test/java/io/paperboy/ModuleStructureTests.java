package io.paperboy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The modules (one per package under {@code io.paperboy}) and how they may use each other, as
 * {@code docs/modules.md} describes them: no cycles, each module only uses the modules its
 * {@code package-info.java} allows and only their public surface, and the diagrams in the docs show
 * the modules as they are.
 */
class ModuleStructureTests {

	static final ApplicationModules modules = ApplicationModules.of(PaperboyApplication.class);

	/** Where the generated PlantUML diagrams are committed. */
	private static final Path DIAGRAMS = Path.of("docs/modules");

	private static final Path DOCUMENT = Path.of("docs/modules.md");

	private static final String BEGIN = "```mermaid\n";

	private static final String END = "```\n";

	@Test
	void modulesHaveNoCyclesAndUseEachOtherOnlyAsAllowed() {
		modules.verify();
	}

	@Test
	void everyModuleDeclaresTheModulesItMayUse() throws ClassNotFoundException {
		for (var module : modules) {
			Class<?> packageInfo = Class.forName(module.getBasePackage().getName() + ".package-info");
			assertThat(packageInfo.getAnnotation(ApplicationModule.class)).as(module.getName()).isNotNull();
		}
	}

	@Test
	void theDocumentsDiagramShowsTheModulesAsTheyAre() throws IOException {
		String document = Files.readString(DOCUMENT);
		int begin = document.indexOf(BEGIN);
		assertThat(begin).as("a mermaid diagram in " + DOCUMENT).isNotNegative();
		String committed = document.substring(begin, document.indexOf(END, begin + BEGIN.length()) + END.length());
		assertThat(committed).as("the diagram in " + DOCUMENT + " (replace it with the expected one)").isEqualTo(mermaid());
	}

	@Test
	void theCommittedPlantUmlDiagramsShowTheModulesAsTheyAre() throws IOException {
		Path generated = Path.of("target/modules-docs");
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(generated.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml();
		if (Boolean.getBoolean("paperboy.modules.write")) {
			Files.createDirectories(DIAGRAMS);
			for (Path diagram : diagrams(generated)) {
				Files.copy(generated.resolve(diagram), DIAGRAMS.resolve(diagram),
						java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
		}
		assertThat(diagrams(DIAGRAMS)).as("the diagrams in " + DIAGRAMS).isEqualTo(diagrams(generated));
		for (Path diagram : diagrams(generated)) {
			assertThat(lines(DIAGRAMS.resolve(diagram)))
				.as(DIAGRAMS.resolve(diagram) + " (run this test with -Dpaperboy.modules.write=true to write it again)")
				.isEqualTo(lines(generated.resolve(diagram)));
		}
	}

	/** A diagram's lines in order: the writer's order of elements and relations may vary between runs. */
	private static List<String> lines(Path diagram) throws IOException {
		return Files.readAllLines(diagram).stream().sorted().toList();
	}

	/** The shared modules most others use, left out of the document's diagram to keep it readable. */
	private static final Set<String> SHARED = Set.of("web", "cli");

	/**
	 * The modules and their direct dependencies as a mermaid flowchart, a user above what it uses,
	 * without the edges to {@link #SHARED} modules.
	 */
	static String mermaid() {
		StringBuilder diagram = new StringBuilder(BEGIN).append("flowchart TD\n");
		Set<String> edges = new TreeSet<>();
		for (var module : modules) {
			module.getDirectDependencies(modules)
				.uniqueModules()
				.filter((target) -> !target.equals(module) && !SHARED.contains(target.getName()))
				.forEach((target) -> edges.add("    " + module.getName() + " --> " + target.getName() + "\n"));
		}
		edges.forEach(diagram::append);
		return diagram.append(END).toString();
	}

	private static Set<Path> diagrams(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) {
			return Set.of();
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter((file) -> file.toString().endsWith(".puml"))
				.map(Path::getFileName)
				.collect(java.util.stream.Collectors.toCollection(TreeSet::new));
		}
	}

}
