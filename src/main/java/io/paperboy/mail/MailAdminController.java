package io.paperboy.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.paperboy.web.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /admin/mail}: the development outbox, where a fresh install without a mail server reads
 * the messages it would have sent (a sign-in link, a digest).
 */
@Controller
class MailAdminController {

	private static final int SHOWN = 200;

	private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

	private final DevMailbox mailbox;

	private final Mailer mailer;

	MailAdminController(DevMailbox mailbox, Mailer mailer) {
		this.mailbox = mailbox;
		this.mailer = mailer;
	}

	@GetMapping("/admin/mail")
	String outbox(Model model) {
		model.addAttribute("page", new OutboxPage(this.mailbox.newest(SHOWN), this.mailer.keepsMailInOutbox()));
		return "mail/outbox";
	}

	@GetMapping("/admin/mail/{id}")
	String message(@PathVariable long id, Model model) {
		KeptMail mail = find(id);
		model.addAttribute("page", new MessagePage(mail, segments(mail.text())));
		return "mail/message";
	}

	/**
	 * The HTML part as the recipient's mail program would get it, on a page of its own that the
	 * browser sandboxes: no script in it runs, no form in it submits.
	 */
	@GetMapping("/admin/mail/{id}/html")
	ResponseEntity<String> html(@PathVariable long id) {
		KeptMail mail = find(id);
		if (mail.html() == null) {
			throw new NotFoundException("Message " + id + " has no HTML part");
		}
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
			.header("Content-Security-Policy", "sandbox; default-src 'none'; img-src https: data:; style-src 'unsafe-inline'")
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(mail.html());
	}

	private KeptMail find(long id) {
		return this.mailbox.find(id).orElseThrow(() -> new NotFoundException("No message " + id + " in the outbox"));
	}

	/** The text part cut into plain text and links, so the page can make the links clickable. */
	static List<Segment> segments(String text) {
		List<Segment> segments = new ArrayList<>();
		Matcher link = LINK.matcher(text);
		int at = 0;
		while (link.find()) {
			if (link.start() > at) {
				segments.add(new Segment(text.substring(at, link.start()), false));
			}
			segments.add(new Segment(link.group(), true));
			at = link.end();
		}
		if (at < text.length()) {
			segments.add(new Segment(text.substring(at), false));
		}
		return segments;
	}

}
