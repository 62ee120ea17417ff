package io.paperboy.support;

import java.util.regex.Pattern;

/** The text a reader sees in a piece of HTML: tags dropped, entities decoded, spaces collapsed. */
public final class HtmlText {

	private static final Pattern TAG = Pattern.compile("<[^>]*>");

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private HtmlText() {
	}

	public static String of(String html) {
		String text = TAG.matcher(html).replaceAll(" ");
		text = text.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&quot;", "\"")
			.replace("&#34;", "\"")
			.replace("&#39;", "'")
			.replace("&#x27;", "'")
			.replace("&amp;", "&");
		return WHITESPACE.matcher(text).replaceAll(" ").strip();
	}

}
