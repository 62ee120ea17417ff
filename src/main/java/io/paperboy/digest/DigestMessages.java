package io.paperboy.digest;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.paperboy.catalog.Paper;
import io.paperboy.catalog.PaperListing;
import io.paperboy.mail.HtmlPart;
import io.paperboy.mail.MailMessage;
import io.paperboy.mail.PartPieces;
import io.paperboy.mail.TextPart;
import io.paperboy.mail.WrittenParts;
import org.springframework.stereotype.Component;

/**
 * Turns a digest into a message: an HTML part (tables and inline styles, 600 pixels wide at most,
 * light and dark, no scripts, no web fonts, no images) and a plain-text part with the same
 * content in lines of at most {@value #WIDTH} characters; a subject naming the top paper; and the
 * one-click unsubscribe headers.
 */
@Component
class DigestMessages {

	/** The longest line of the text part (RFC 5322 asks for 78 at most). */
	static final int WIDTH = 76;

	private static final int SUBJECT_TITLE = 90;

	private static final int SUMMARY = 220;

	private static final DateTimeFormatter SUBJECT_DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

	private final TemplateEngine templates;

	private final SignedLinks links;

	private final String unsubscribeMailbox;

	DigestMessages(TemplateEngine templates, SignedLinks links, BulkMailProperties bulkMail) {
		this.templates = templates;
		this.links = links;
		this.unsubscribeMailbox = bulkMail.unsubscribeMailbox();
	}

	/**
	 * The message for a digest, to its subscriber, with the Message-ID it keeps however often it is
	 * tried.
	 */
	MailMessage message(Digest digest, String messageId) {
		return message(digest, digest.subscription().email(), messageId, new Shared());
	}

	/**
	 * The same, within a run that writes many digests of the same papers: each paper's parts and
	 * wrapped lines are made once and {@code shared}, and so are their bytes on the wire: the
	 * message's parts are written from pieces encoded once ({@link PartPieces}), byte for byte what
	 * the mailer would make of the whole text and HTML.
	 */
	MailMessage message(Digest digest, String messageId, Shared shared) {
		return message(digest, digest.subscription().email(), messageId, shared);
	}

	/** The message for a digest, to any address (an admin's test digest); the mailer gives it a Message-ID. */
	MailMessage testMessage(Digest digest, String to) {
		return message(digest, to, null, new Shared());
	}

	/**
	 * The message, with the one-click unsubscribe headers of RFC 8058: {@code List-Unsubscribe}
	 * names the signed link (which a POST of {@code List-Unsubscribe=One-Click} follows at once,
	 * with no cookie, form or confirmation) and, when {@code paperboy.mail.unsubscribe-mailbox} is
	 * set, a {@code mailto:} address too; {@code List-Unsubscribe-Post} says the link takes the
	 * one-click POST.
	 */
	private MailMessage message(Digest digest, String to, String messageId, Shared shared) {
		DigestMail mail = mail(digest, shared);
		Map<String, String> headers = new LinkedHashMap<>();
		String unsubscribe = "<" + mail.unsubscribeUrl() + ">";
		if (this.unsubscribeMailbox != null) {
			unsubscribe += ", <mailto:" + this.unsubscribeMailbox + "?subject=unsubscribe>";
		}
		headers.put("List-Unsubscribe", unsubscribe);
		headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		if (messageId != null) {
			headers.put("Message-ID", messageId);
		}
		HtmlPart html = shared.pieces.html();
		this.templates.render("digest/mail.jte", Map.of("mail", mail), html);
		return MailMessage.written(to, mail.subject(), new WrittenParts(text(mail, shared), html), headers,
				MailMessage.Kind.BULK);
	}

	DigestMail mail(Digest digest) {
		return mail(digest, new Shared());
	}

	private DigestMail mail(Digest digest, Shared shared) {
		Subscription subscription = digest.subscription();
		String base = this.links.baseUrl();
		List<DigestMail.Item> items = new ArrayList<>();
		for (DigestItem item : digest.items()) {
			items.add(shared.item(item.listing(), base).withRank(items.size() + 1, item.reason()));
		}
		String day = SUBJECT_DAY.format(digest.day());
		// the subscriber's own order names the digest: "For you", or the trending papers everyone sees
		String name = (subscription.preferences().ordering() == Ordering.FOR_YOU) ? "For you" : "Trending papers";
		String subject = items.isEmpty() ? name + " — " + day + ": nothing new"
				: name + " — " + day + ": " + shortened(items.get(0).title(), SUBJECT_TITLE);
		String empty = emptyText(digest);
		String preheader = switch (items.size()) {
			case 0 -> empty;
			case 1 -> "1 paper picked for you.";
			default -> items.size() + " papers picked for you, starting with “" + shortened(items.get(0).title(), 60) + "”.";
		};
		return new DigestMail(subject, preheader, name + " — " + day, items, empty, base,
				this.links.url(subscription, LinkPurpose.PREFERENCES), this.links.url(subscription, LinkPurpose.UNSUBSCRIBE),
				why(subscription), digest.note());
	}

	/**
	 * What a digest without papers says: what was looked for (the subscriber's topics, papers with
	 * enough upvotes, or any new paper) and over which period. A first digest covers the day or the
	 * week before it, not a "previous digest" there never was; a digest after a long pause covers
	 * the longest period one reaches back.
	 */
	static String emptyText(Digest digest) {
		Subscription subscription = digest.subscription();
		Preferences preferences = subscription.preferences();
		String period;
		if (subscription.lastSentAt() != null && !subscription.lastSentAt().isBefore(digest.since())) {
			period = "since your previous digest";
		}
		else {
			long hours = Duration.between(digest.since(), digest.until()).toHours();
			period = (hours <= 24) ? "in the last 24 hours" : "in the last " + Math.round(hours / 24.0) + " days";
		}
		if (preferences.hasTopics()) {
			return "Nothing new on your topics " + period + ".";
		}
		if (preferences.minUpvotes() > 0) {
			return "No new paper on the daily lists with " + preferences.minUpvotes() + " upvote"
					+ ((preferences.minUpvotes() == 1) ? "" : "s") + " or more " + period + ".";
		}
		return "No new paper entered the daily lists " + period + ".";
	}

	String html(DigestMail mail) {
		StringOutput output = new StringOutput();
		this.templates.render("digest/mail.jte", Map.of("mail", mail), output);
		return output.toString();
	}

	/** The text part: the same content, every line at most {@value #WIDTH} characters but for a link too long to fit. */
	static String text(DigestMail mail) {
		return text(mail, new Shared()).toString();
	}

	/**
	 * The text part, its papers' lines (but for the number, votes and reason) shared by every
	 * message of the run that holds them.
	 */
	private static TextPart text(DigestMail mail, Shared shared) {
		TextPart part = shared.pieces.text();
		StringBuilder text = new StringBuilder();
		wrap(text, mail.heading(), "");
		text.append('\n');
		if (mail.note() != null) {
			wrap(text, mail.note(), "");
			text.append('\n');
		}
		if (mail.items().isEmpty()) {
			wrap(text, mail.emptyText(), "");
			text.append('\n');
		}
		for (DigestMail.Item item : mail.items()) {
			String number = item.rank() + ". ";
			String indent = " ".repeat(number.length());
			ItemLines lines = shared.lines(item, indent);
			// the title's lines were wrapped after an indent as wide as the number: the number takes its place
			text.append(number).append(lines.title(), indent.length(), lines.title().length());
			part.append(text).appendShared(lines.authors());
			text.setLength(0);
			wrap(text, item.upvotes() + ((item.upvotes() == 1) ? " upvote" : " upvotes") + " · " + item.reason(), indent);
			part.append(text).appendShared(lines.rest());
			text.setLength(0);
			text.append('\n');
		}
		text.append("-- \n");
		wrap(text, mail.why(), "");
		text.append('\n');
		wrap(text, "Change what you get, or when:", "");
		wrap(text, mail.preferencesUrl(), "");
		wrap(text, "Unsubscribe with one click:", "");
		wrap(text, mail.unsubscribeUrl(), "");
		return part.append(text);
	}

	/** An item's lines in the text part but for its votes and reason, wrapped after one indent. */
	private static ItemLines lines(DigestMail.Item item, String indent) {
		StringBuilder title = new StringBuilder();
		wrap(title, item.title(), indent);
		StringBuilder authors = new StringBuilder();
		wrap(authors, item.authors(), indent);
		StringBuilder rest = new StringBuilder();
		if (!item.summary().isEmpty()) {
			wrap(rest, item.summary(), indent);
		}
		wrap(rest, item.url(), indent);
		wrap(rest, "arXiv: " + item.arxivUrl(), indent);
		if (item.codeUrl() != null) {
			wrap(rest, "Code: " + item.codeUrl(), indent);
		}
		return new ItemLines(item.withRank(0, ""), title.toString(), authors.toString(), rest.toString());
	}

	/** A paper as every message shows it, before its rank and reason. */
	private static DigestMail.Item item(PaperListing listing, String base) {
		Paper paper = listing.paper();
		String authors = listing.firstAuthors()
				+ ((paper.authors().size() > PaperListing.AUTHORS_ON_CARD) ? " and others" : "");
		return new DigestMail.Item(0, paper.displayTitle(), base + "/papers/" + paper.id(), authors, paper.upvotes(),
				summary(paper), paper.arxivUrl(), code(paper.githubRepo()), "");
	}

	/** An item's wrapped lines, and the item (without rank and reason) they were made from. */
	private record ItemLines(DigestMail.Item from, String title, String authors, String rest) {
	}

	private record SharedItem(PaperListing listing, DigestMail.Item item) {
	}

	/**
	 * What the messages of one run share: each paper as a message shows it, its wrapped lines for
	 * each indent, and the encoded pieces of both parts (the template's markup, the papers' values
	 * and lines), made once for the run rather than once a message. Made for one run and
	 * dropped after it, like the listings it is made from. Messages may be written on several
	 * threads.
	 */
	static final class Shared {

		private final PartPieces pieces = new PartPieces();

		private final Map<String, SharedItem> items = new ConcurrentHashMap<>();

		private final Map<String, ItemLines> lines = new ConcurrentHashMap<>();

		private DigestMail.Item item(PaperListing listing, String base) {
			SharedItem shared = this.items.get(listing.paper().id());
			if (shared == null || shared.listing() != listing) {
				// first seen, or a listing read again since: made from this one
				shared = new SharedItem(listing, DigestMessages.item(listing, base));
				this.items.put(listing.paper().id(), shared);
				// what the HTML part shows of the paper, the same in every message that holds it
				DigestMail.Item item = shared.item();
				List.of(item.title(), item.url(), item.authors(), item.summary(), item.arxivUrl())
					.forEach(this.pieces::share);
				this.pieces.share(item.codeUrl());
			}
			return shared.item();
		}

		private ItemLines lines(DigestMail.Item item, String indent) {
			String key = indent.length() + " " + item.url();
			ItemLines lines = this.lines.get(key);
			if (lines == null || !lines.from().equals(item.withRank(0, ""))) {
				lines = DigestMessages.lines(item, indent);
				this.lines.put(key, lines);
			}
			return lines;
		}

	}

	private static void wrap(StringBuilder text, String paragraph, String indent) {
		wrap(text, paragraph, indent, indent);
	}

	/**
	 * Wraps a paragraph at {@value #WIDTH} columns. A word longer than a line is cut, unless it is
	 * a link: a cut link no longer works, so it keeps a line of its own.
	 */
	static void wrap(StringBuilder text, String paragraph, String first, String rest) {
		StringBuilder line = new StringBuilder(first);
		boolean empty = true;
		String words = MailMessage.singleLine(paragraph);
		int next = 0;
		while (next < words.length()) {
			int end = words.indexOf(' ', next);
			end = (end < 0) ? words.length() : end;
			String word = words.substring(next, end);
			next = end + 1;
			if (word.isEmpty()) {
				continue;
			}
			while (!isLink(word) && word.length() > WIDTH - rest.length()) {
				if (!empty) {
					text.append(line).append('\n');
					line = new StringBuilder(rest);
					empty = true;
				}
				int room = WIDTH - line.length();
				text.append(line).append(word, 0, room).append('\n');
				line = new StringBuilder(rest);
				word = word.substring(room);
			}
			if (!empty && line.length() + 1 + word.length() > WIDTH) {
				text.append(line).append('\n');
				line = new StringBuilder(rest);
				empty = true;
			}
			if (!empty) {
				line.append(' ');
			}
			line.append(word);
			empty = false;
		}
		if (!empty) {
			text.append(line).append('\n');
		}
	}

	private static boolean isLink(String word) {
		return word.startsWith("https://") || word.startsWith("http://");
	}

	private static String why(Subscription subscription) {
		Preferences preferences = subscription.preferences();
		String when = switch (preferences.cadence()) {
			case WEEKDAYS -> "on weekdays";
			case DAILY -> "every day";
			case WEEKLY -> "every " + preferences.weekday().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH);
		};
		StringBuilder why = new StringBuilder("You get this because ").append(subscription.email())
			.append(" subscribed to Paperboy's digest of trending papers, ")
			.append(when)
			.append(" at ")
			.append(String.format(Locale.ROOT, "%02d:00", preferences.hour()))
			.append(' ')
			.append(preferences.zone().getId());
		List<String> topics = new ArrayList<>(preferences.categories());
		topics.addAll(preferences.keywords());
		if (!topics.isEmpty()) {
			why.append(", on ").append(String.join(", ", topics));
		}
		if (preferences.minUpvotes() > 0) {
			why.append(", with at least ").append(preferences.minUpvotes()).append(" upvotes");
		}
		return why.append('.').toString();
	}

	private static String summary(Paper paper) {
		String summary = (paper.aiSummary() != null && !paper.aiSummary().isBlank()) ? paper.aiSummary()
				: paper.displaySummary();
		return shortened(MailMessage.singleLine(summary), SUMMARY);
	}

	/** Only a repository address on the web becomes a link: a stored value is not trusted to be one. */
	private static String code(String repository) {
		if (repository == null) {
			return null;
		}
		String url = repository.strip();
		return (url.startsWith("https://") || url.startsWith("http://")) && !url.matches(".*\\s.*") ? url : null;
	}

	static String shortened(String text, int max) {
		if (text == null) {
			return "";
		}
		if (text.length() <= max) {
			return text;
		}
		int cut = text.lastIndexOf(' ', max - 1);
		return text.substring(0, (cut > max / 2) ? cut : max - 1).stripTrailing() + "…";
	}

}
