package io.paperboy.stats;

import gg.jte.Content;
import gg.jte.TemplateOutput;

/**
 * SVG that this package drew, ready to be inlined in a page. Only the chart renderers can make
 * one, and they escape every piece of text they put in it, so templates write it as it is
 * ({@code ${chart.svg()}}) without {@code $unsafe}.
 */
public final class SvgMarkup implements Content {

	private final String markup;

	SvgMarkup(String markup) {
		this.markup = markup;
	}

	@Override
	public void writeTo(TemplateOutput output) {
		output.writeContent(this.markup);
	}

	/** The markup, from {@code <svg} to {@code </svg>}. */
	@Override
	public String toString() {
		return this.markup;
	}

}
