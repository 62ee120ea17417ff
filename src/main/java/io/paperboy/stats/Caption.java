package io.paperboy.stats;

/**
 * The words that go inside a chart's SVG.
 *
 * @param title a short name: the SVG's {@code <title>}, shown as a tooltip
 * @param description what the chart shows, in a sentence: the SVG's {@code <desc>} and {@code aria-label}
 */
record Caption(String title, String description) {

}
