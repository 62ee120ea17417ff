package io.paperboy;

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
			SpringApplication.run(PaperboyApplication.class, args);
			return;
		}
		System.exit(runVerb(commandLine, args));
	}

	/** Runs a verb in an application without a web server, returning its exit code. */
	static int runVerb(CommandLine commandLine, String[] args) {
		SpringApplication application = new SpringApplication(PaperboyApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		application.setAdditionalProfiles("cli");
		ConfigurableApplicationContext context;
		try {
			context = application.run(args);
		}
		catch (RuntimeException ex) {
			System.err.println("paperboy: could not start: " + rootCause(ex).getMessage());
			return 1;
		}
		try (context) {
			return context.getBean(VerbRunner.class).run(commandLine.words(), System.out, System.err);
		}
	}

	private static Throwable rootCause(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

}
