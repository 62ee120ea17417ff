package io.paperboy.mail;

import java.io.PrintStream;
import java.util.List;

import io.paperboy.cli.Verb;
import org.springframework.stereotype.Component;

/**
 * {@code mail dkim-record}: prints the DNS TXT record that publishes the public half of the
 * configured DKIM key, so the operator never has to derive it by hand.
 */
@Component
class DkimRecordVerb implements Verb {

	private final MailProperties properties;

	DkimRecordVerb(MailProperties properties) {
		this.properties = properties;
	}

	@Override
	public List<String> name() {
		return List.of("mail", "dkim-record");
	}

	@Override
	public int run(List<String> operands, PrintStream out, PrintStream err) {
		if (!operands.isEmpty()) {
			err.println("Usage: mail dkim-record   (takes no operands; reads paperboy.mail.dkim.*)");
			return 2;
		}
		if (!this.properties.dkim().configured()) {
			err.println("DKIM is not configured: set paperboy.mail.dkim.domain, .selector and .private-key-file"
					+ " (or .private-key).");
			return 1;
		}
		DkimKey key;
		try {
			key = DkimKey.load(this.properties.dkim());
		}
		catch (IllegalStateException ex) {
			err.println(ex.getMessage());
			return 1;
		}
		out.println("Publish this TXT record:");
		out.println("  Name:  " + key.dnsName());
		out.println("  Value: " + key.dnsRecord());
		out.println("In a zone file:");
		out.println("  " + key.zoneFileLine());
		return 0;
	}

}
