package io.paperboy.digest;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.paperboy.cli.Verb;
import io.paperboy.web.SiteProperties;
import org.springframework.stereotype.Component;

/**
 * {@code digest preview EMAIL} prints the text of the digest that address would get now;
 * {@code digest run} sends every digest due now; {@code digest run --now} treats every confirmed
 * subscription as due (still at most one digest per subscription and period).
 */
@Component
class DigestVerb implements Verb {

	static final String USAGE = """
			Usage: digest preview EMAIL     print the digest EMAIL would get now (text part)
			       digest run [--now]       send the digests due now (--now: every confirmed
			                                subscription, at most one digest per period)
			""";

	private final Subscriptions subscriptions;

	private final Digests digests;

	private final DigestMessages messages;

	private final DigestRuns runs;

	private final Clock clock;

	private final SiteProperties site;

	DigestVerb(Subscriptions subscriptions, Digests digests, DigestMessages messages, DigestRuns runs, Clock clock,
			SiteProperties site) {
		this.subscriptions = subscriptions;
		this.digests = digests;
		this.messages = messages;
		this.runs = runs;
		this.clock = clock;
		this.site = site;
	}

	@Override
	public List<String> name() {
		return List.of("digest");
	}

	@Override
	public int run(List<String> operands, PrintStream out, PrintStream err) {
		if (operands.size() == 2 && operands.get(0).equals("preview")) {
			Optional<Subscription> subscription = this.subscriptions.byEmail(operands.get(1));
			if (subscription.isEmpty()) {
				err.println("No subscription for " + operands.get(1));
				return 1;
			}
			Digest digest = this.digests.compose(subscription.get(), this.clock.instant());
			DigestMail mail = this.messages.mail(digest);
			out.println("Subject: " + mail.subject());
			out.println();
			out.print(DigestMessages.text(mail));
			localLinks(this.site.baseUrl()).ifPresent(err::println);
			return 0;
		}
		if (operands.equals(List.of("run")) || operands.equals(List.of("run", "--now"))) {
			DigestRuns.RunReport report = this.runs.run(operands.size() == 2);
			out.println("Digests: " + report);
			return (report.failed() > 0) ? 1 : 0;
		}
		err.print(USAGE);
		return 2;
	}

	/**
	 * What to tell an operator whose preview links point at this machine: a verb reads the settings
	 * of the shell it runs in, and a server started by systemd has its {@code PAPERBOY_BASE_URL} from
	 * an environment file the shell never read (docs/operations.md shows a command that reads it).
	 */
	static Optional<String> localLinks(String baseUrl) {
		if (baseUrl != null && !baseUrl.startsWith("http://localhost:") && !baseUrl.startsWith("http://127.0.0.1:")) {
			return Optional.empty();
		}
		return Optional.of("Note: the links start with " + baseUrl + ", this machine's own address: paperboy.base-url "
				+ "(PAPERBOY_BASE_URL) is not set for this command. Give it the server's settings, as docs/operations.md "
				+ "shows, to see the links subscribers get.");
	}

}
