package io.paperboy;

import io.paperboy.backup.RestoreConfiguration;
import io.paperboy.cli.CommandLine;
import io.paperboy.cli.VerbRunner;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Paperboy: serves the site when started without a verb; runs a command-line verb and exits when
 * given one.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PaperboyApplication {

	public static void main(String[] args) {
		CommandLine commandLine = CommandLine.parse(args);
		if (commandLine.isHelp()) {
			System.out.print(CommandLine.USAGE);
			return;
		}
		if (!commandLine.hasVerb()) {
			SpringApplication.run(PaperboyApplication.class, args).getBean(Stopping.class).handleSignals();
			return;
		}
		if (!commandLine.startsWithAVerb()) {
			// a mistyped verb is answered at once, without starting the application
			System.exit(VerbRunner.unknownVerb(commandLine.words(), System.err));
		}
		System.exit(runVerb(commandLine, args));
	}

	/** Runs a verb in an application without a web server, returning its exit code. */
	static int runVerb(CommandLine commandLine, String[] args) {
		SpringApplication application = new SpringApplication(
				commandLine.opensDatabase() ? PaperboyApplication.class : RestoreConfiguration.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		application.setAdditionalProfiles("cli");
		ConfigurableApplicationContext context;
		try {
			context = application.run(args);
		}
		catch (RuntimeException ex) {
			System.err.println("paperboy: could not start:");
			reasons(ex).forEach((reason) -> System.err.println("  " + reason));
			return 1;
		}
		// restore runs in a context of its own, with nothing to stop
		context.getBeanProvider(Stopping.class).ifAvailable(Stopping::handleSignals);
		try (context) {
			return context.getBean(VerbRunner.class).run(commandLine.words(), System.out, System.err);
		}
	}

	/**
	 * The first line of each message in a failure's chain of causes, skipping the framework's
	 * "Error creating bean" wrappers: what an operator needs to fix the configuration.
	 */
	static java.util.List<String> reasons(Throwable failure) {
		java.util.Set<String> reasons = new java.util.LinkedHashSet<>();
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			String message = (cause.getMessage() != null) ? cause.getMessage().strip().lines().findFirst().orElse("")
					: cause.getClass().getSimpleName();
			if (!message.isEmpty() && !message.startsWith("Error creating bean")) {
				reasons.add(message);
			}
		}
		return java.util.List.copyOf(reasons);
	}

}
