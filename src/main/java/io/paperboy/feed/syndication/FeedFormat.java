package io.paperboy.feed.syndication;

import java.nio.charset.StandardCharsets;

import org.springframework.http.MediaType;

/** The two syndication formats served, each at the list's address plus {@code /feed.xml} or {@code /feed.atom}. */
public enum FeedFormat {

	/** RSS 2.0, at {@code feed.xml}: the address most feed readers guess first. */
	RSS("xml", "RSS", new MediaType("application", "rss+xml", StandardCharsets.UTF_8)),

	/** Atom 1.0 (RFC 4287), at {@code feed.atom}. */
	ATOM("atom", "Atom", new MediaType("application", "atom+xml", StandardCharsets.UTF_8));

	/** Path variable pattern matching the extensions of every format, for request mappings. */
	public static final String EXTENSIONS = "xml|atom";

	private final String extension;

	private final String label;

	private final MediaType mediaType;

	FeedFormat(String extension, String label, MediaType mediaType) {
		this.extension = extension;
		this.label = label;
		this.mediaType = mediaType;
	}

	/** The format served at {@code feed.<extension>}. */
	public static FeedFormat ofExtension(String extension) {
		for (FeedFormat format : values()) {
			if (format.extension.equals(extension)) {
				return format;
			}
		}
		throw new IllegalArgumentException("No feed format has the extension " + extension);
	}

	public String extension() {
		return this.extension;
	}

	/** The format's name for people: "RSS", "Atom". */
	public String label() {
		return this.label;
	}

	/** The content type, with its charset. */
	public MediaType mediaType() {
		return this.mediaType;
	}

	/** The content type without parameters, as {@code <link rel="alternate" type=...>} names it. */
	public String type() {
		return this.mediaType.getType() + "/" + this.mediaType.getSubtype();
	}

}
