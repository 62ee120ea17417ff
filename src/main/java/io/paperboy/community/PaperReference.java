package io.paperboy.community;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.paperboy.catalog.ArxivId;

/**
 * Reads the arXiv id in what a member pastes into the submit form: an id in any form
 * {@link ArxivId#parse} reads, or an address as a browser's address bar shows it, with or without
 * {@code https://}, an abstract, PDF or HTML page, a query or fragment, a trailing slash, or a
 * Hugging Face paper page.
 */
final class PaperReference {

	private static final Pattern ADDRESS = Pattern.compile(
			"(?:https?://)?(?:www\\.|export\\.)?(?:arxiv\\.org/(?:abs|pdf|html|format)|huggingface\\.co/papers)/([^?#]+)(?:[?#].*)?",
			Pattern.CASE_INSENSITIVE);

	private PaperReference() {
	}

	/** The id the text names, or empty when it names none. */
	static Optional<ArxivId> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String candidate = text.strip();
		Matcher address = ADDRESS.matcher(candidate);
		if (address.matches()) {
			String path = address.group(1);
			candidate = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
		}
		return ArxivId.tryParse(candidate);
	}

}
