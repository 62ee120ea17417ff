package io.paperboy.stats;

import java.util.Locale;

/**
 * Writes SVG markup. Every attribute value and every piece of text goes through {@link #escape},
 * so text from the catalog (category names, say) can never close an element or open a script;
 * element and attribute names are always constants of this package.
 */
final class Svg {

	private final StringBuilder markup = new StringBuilder(2048);

	private Svg() {
	}

	/**
	 * Opens an {@code <svg>} element drawn in a {@code width} × {@code height} box, with its
	 * accessible name and description.
	 */
	static Svg start(int width, int height, String cssClass, Caption caption) {
		Svg svg = new Svg();
		// role="img" makes a screen reader announce the label once instead of every piece of text inside
		svg.open("svg", "xmlns", "http://www.w3.org/2000/svg", "class", cssClass, "viewBox",
				"0 0 " + width + " " + height, "width", Integer.toString(width), "height", Integer.toString(height),
				"role", "img", "aria-label", caption.description());
		svg.element("title", caption.title());
		svg.element("desc", caption.description());
		return svg;
	}

	Svg open(String name, String... attributes) {
		tag(name, attributes);
		this.markup.append('>');
		return this;
	}

	Svg close(String name) {
		this.markup.append("</").append(name).append('>');
		return this;
	}

	/** An element without children: {@code <line .../>}. */
	Svg empty(String name, String... attributes) {
		tag(name, attributes);
		this.markup.append("/>");
		return this;
	}

	/** An element holding text: {@code <text ...>label</text>}. */
	Svg element(String name, String text, String... attributes) {
		open(name, attributes);
		this.markup.append(escape(text));
		return close(name);
	}

	SvgMarkup finish() {
		close("svg");
		return new SvgMarkup(this.markup.toString());
	}

	private void tag(String name, String[] attributes) {
		if (attributes.length % 2 != 0) {
			throw new IllegalArgumentException("Attributes come in name, value pairs");
		}
		this.markup.append('<').append(name);
		for (int i = 0; i < attributes.length; i += 2) {
			if (attributes[i + 1] != null) {
				this.markup.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
			}
		}
	}

	/**
	 * Text safe inside an element or a quoted attribute, in HTML and in XML: the five markup
	 * characters become entities, and characters XML does not allow at all (control characters,
	 * lone surrogates) are dropped.
	 */
	static String escape(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder escaped = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&#39;");
				default -> {
					if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
						escaped.append(c).append(text.charAt(++i));
					}
					else if (allowedInXml(c)) {
						escaped.append(c);
					}
				}
			}
		}
		return escaped.toString();
	}

	private static boolean allowedInXml(char c) {
		return (c >= 0x20 && c < 0xD800) || c == '\t' || c == '\n' || c == '\r' || (c >= 0xE000 && c <= 0xFFFD);
	}

	/**
	 * A coordinate with at most one decimal, written the same way in every locale ("12.5", never
	 * "12,5"), so that the same data always gives the same markup.
	 */
	static String number(double value) {
		if (!Double.isFinite(value)) {
			throw new IllegalArgumentException("Not a coordinate: " + value);
		}
		long tenths = Math.round(value * 10);
		if (tenths % 10 == 0) {
			return Long.toString(tenths / 10);
		}
		return String.format(Locale.ROOT, "%.1f", tenths / 10.0);
	}

}
