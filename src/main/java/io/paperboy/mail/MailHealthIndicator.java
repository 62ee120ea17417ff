package io.paperboy.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.mail.MessagingException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * {@code mail} in {@code /actuator/health}. A relay that cannot be reached makes the application
 * {@code DEGRADED}, not {@code DOWN}: mail waits and is retried, while pages, feeds and the API work
 * on, and a load balancer must not take the node out for it. {@code DEGRADED} is not in the health
 * status order, so the overall status stays {@code UP} with HTTP 200; the component shows the error.
 */
class MailHealthIndicator implements HealthIndicator {

	static final Status DEGRADED = new Status("DEGRADED", "The mail relay cannot be reached; mail waits");

	/** Load balancers ask every few seconds; an SMTP connection for each would burden the relay. */
	private static final Duration CHECKED_FOR = Duration.ofSeconds(30);

	private final JavaMailSender sender;

	private final Clock clock;

	private volatile Checked last;

	/**
	 * @param sender the relay's sender, or {@code null} when mail stays in the development outbox
	 */
	MailHealthIndicator(JavaMailSender sender, Clock clock) {
		this.sender = sender;
		this.clock = clock;
	}

	@Override
	public Health health() {
		if (this.sender == null) {
			return Health.up().withDetail("delivery", "development outbox (/admin/mail)").build();
		}
		if (!(this.sender instanceof JavaMailSenderImpl relay)) {
			return Health.unknown().withDetail("delivery", "SMTP").build();
		}
		Instant now = this.clock.instant();
		Checked checked = this.last;
		if (checked == null || !now.isBefore(checked.at().plus(CHECKED_FOR))) {
			checked = new Checked(now, check(relay));
			this.last = checked;
		}
		return checked.health();
	}

	/**
	 * Forgets the last check, so that the next {@link #health()} asks the relay again, however recent
	 * the last check was by the clock.
	 */
	void forget() {
		this.last = null;
	}

	private static Health check(JavaMailSenderImpl relay) {
		String address = relay.getHost() + ":" + ((relay.getPort() > 0) ? relay.getPort() : 25);
		try {
			relay.testConnection();
			return Health.up().withDetail("delivery", "SMTP").withDetail("relay", address).build();
		}
		catch (MessagingException ex) {
			return Health.status(DEGRADED)
				.withDetail("delivery", "SMTP")
				.withDetail("relay", address)
				.withDetail("error", String.valueOf(ex.getMessage()))
				.build();
		}
	}

	private record Checked(Instant at, Health health) {

	}

}
