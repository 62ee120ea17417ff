package io.paperboy.mail;

import java.time.Clock;
import java.util.Map;

import io.paperboy.support.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.web.servlet.MockMvc;

import static io.paperboy.support.Operators.operator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Without {@code spring.mail.host}, mail is kept and shown at {@code /admin/mail}. The tests'
 * application has a relay ({@link io.paperboy.support.TestSmtp}), so the mailer here is the one
 * {@link MailConfiguration} makes when Spring Boot makes no mail sender, on the application's
 * outbox table.
 */
@WebTest
class DevOutboxTests {

	private Mailer mailer;

	@Autowired
	private DevMailbox mailbox;

	@Autowired
	private MockMvc mvc;

	@BeforeEach
	void noMailServer(@Autowired MailProperties properties, @Autowired DevMailRepository outbox,
			@Autowired OutgoingHeaders headers, @Autowired Clock clock) {
		ObjectProvider<JavaMailSender> noSender = new DefaultListableBeanFactory().getBeanProvider(JavaMailSender.class);
		this.mailer = new Mailer(new MailConfiguration().mailDelivery(noSender, properties, outbox, clock), headers);
	}

	@Test
	void aMessageIsKeptWithItsPartsAndHeaders() {
		assertThat(this.mailer.keepsMailInOutbox()).isTrue();

		this.mailer.send(new MailMessage("Kept@Example.org", "A subject", "Text part", "<p>HTML part</p>",
				Map.of("List-Unsubscribe", "<https://example.org/u/1>"), MailMessage.Kind.BULK));

		assertThat(this.mailbox.to("kept@example.org")).singleElement().satisfies((mail) -> {
			assertThat(mail.subject()).isEqualTo("A subject");
			assertThat(mail.text()).isEqualTo("Text part");
			assertThat(mail.html()).isEqualTo("<p>HTML part</p>");
			assertThat(mail.headers()).containsEntry("List-Unsubscribe", "<https://example.org/u/1>");
		});
	}

	@Test
	void theOutboxShowsMessagesEscapedWithClickableLinksAndTheHtmlPartSandboxed() throws Exception {
		this.mailer.send(MailMessage.transactional("page@example.org", "<script>alert(1)</script> subject",
				"Open https://paperboy.example/signin/token?token=abc&continue=%2F now. <img src=x onerror=alert(1)>",
				"<p onclick=\"alert(1)\">Hello</p><script>alert(2)</script>"));
		KeptMail mail = this.mailbox.to("page@example.org").get(0);

		this.mvc.perform(get("/admin/mail").with(operator()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt; subject")))
			.andExpect(content().string(not(containsString("<script>alert"))));
		this.mvc.perform(get("/admin/mail/" + mail.id()).with(operator()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(
					"<a href=\"https://paperboy.example/signin/token?token=abc&amp;continue=%2F\">")))
			.andExpect(content().string(containsString("&lt;img src=x onerror=alert(1)&gt;")));
		this.mvc.perform(get("/admin/mail/" + mail.id() + "/html").with(operator()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy", containsString("sandbox")))
			.andExpect(header().string("Content-Security-Policy", containsString("default-src 'none'")));
	}

	@Test
	void theOutboxShowsWhenInUtcToTheSecond(@Autowired io.paperboy.support.MutableClock clock) throws Exception {
		clock.set(java.time.Instant.parse("2025-06-02T09:05:07.123456Z"));
		this.mailer.send(MailMessage.transactional("when@example.org", "Timed", "Text", null));
		KeptMail mail = this.mailbox.to("when@example.org").get(0);

		this.mvc.perform(get("/admin/mail").with(operator()))
			.andExpect(content().string(containsString("<time datetime=\"2025-06-02T09:05:07Z\">Jun 2, 2025 09:05:07 UTC</time>")));
		this.mvc.perform(get("/admin/mail/" + mail.id()).with(operator()))
			.andExpect(content().string(containsString("<time datetime=\"2025-06-02T09:05:07Z\">Jun 2, 2025 09:05:07 UTC</time>")));
	}

	@Test
	void anUnknownMessageIsNotFound() throws Exception {
		this.mvc.perform(get("/admin/mail/999999").with(operator())).andExpect(status().isNotFound());
	}

}
