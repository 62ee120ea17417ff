package io.paperboy.ingest.hfdaily;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.paperboy.cli.Verb;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.springframework.stereotype.Component;

/** {@code import hf-daily PATH...}: loads Hugging Face daily-papers files and folders. */
@Component
class ImportDailyPapersVerb implements Verb {

	private final DailyPapersImporter importer;

	ImportDailyPapersVerb(DailyPapersImporter importer) {
		this.importer = importer;
	}

	@Override
	public List<String> name() {
		return List.of("import", "hf-daily");
	}

	@Override
	public int run(List<String> operands, PrintStream out, PrintStream err) {
		if (operands.isEmpty()) {
			err.println("Usage: import hf-daily PATH...   (files or folders of YYYY-MM-DD.json)");
			return 2;
		}
		List<Path> paths = operands.stream().map(Path::of).toList();
		for (Path path : paths) {
			if (!Files.exists(path)) {
				err.println("No such file or folder: " + path);
				return 2;
			}
		}
		List<Path> files = DailyPapersImporter.expand(paths);
		ImportReport report;
		// a progress bar only where someone watches: on a terminal, never in logs or pipes
		if (System.console() != null) {
			try (ProgressBar bar = new ProgressBarBuilder().setTaskName("Importing")
				.setInitialMax(files.size())
				.setStyle(ProgressBarStyle.ASCII)
				.setUnit(" files", 1)
				.showSpeed()
				.build()) {
				report = this.importer.importFiles(files, (file) -> bar.step());
			}
		}
		else {
			report = this.importer.importFiles(files, (file) -> {
			});
		}
		out.print(report.summary());
		return report.hasRejections() ? 1 : 0;
	}

}
