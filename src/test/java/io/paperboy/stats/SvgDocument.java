package io.paperboy.stats;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A chart's markup parsed as XML (so a test fails on anything not well-formed), with the
 * coordinates it draws at, for checking geometry.
 */
final class SvgDocument {

	private static final Pattern PATH_STEP = Pattern.compile("([MHVLZ])([^MHVLZ]*)");

	private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

	private final Document document;

	private SvgDocument(Document document) {
		this.document = document;
	}

	static SvgDocument parse(SvgMarkup markup) {
		return parse(markup.toString());
	}

	static SvgDocument parse(String markup) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			return new SvgDocument(factory.newDocumentBuilder()
				.parse(new ByteArrayInputStream(markup.getBytes(StandardCharsets.UTF_8))));
		}
		catch (Exception ex) {
			throw new AssertionError("Not well-formed SVG: " + ex.getMessage() + "\n" + markup, ex);
		}
	}

	Element root() {
		return this.document.getDocumentElement();
	}

	double width() {
		return viewBox()[2];
	}

	double height() {
		return viewBox()[3];
	}

	private double[] viewBox() {
		String[] parts = root().getAttribute("viewBox").split(" ");
		return new double[] { Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2]),
				Double.parseDouble(parts[3]) };
	}

	List<Element> elements(String name) {
		NodeList nodes = this.document.getElementsByTagName(name);
		List<Element> elements = new ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			elements.add((Element) nodes.item(i));
		}
		return elements;
	}

	List<Element> withClass(String name, String cssClass) {
		return elements(name).stream()
			.filter((element) -> List.of(element.getAttribute("class").split(" ")).contains(cssClass))
			.toList();
	}

	String text(String name) {
		return elements(name).get(0).getTextContent();
	}

	/** Every x coordinate drawn at: x, x1, x2, cx attributes, polyline points, path commands. */
	List<Double> xs() {
		return coordinates(true);
	}

	/** Every y coordinate drawn at. */
	List<Double> ys() {
		return coordinates(false);
	}

	private List<Double> coordinates(boolean horizontal) {
		List<Double> values = new ArrayList<>();
		String[] attributes = horizontal ? new String[] { "x", "x1", "x2", "cx" } : new String[] { "y", "y1", "y2", "cy" };
		NodeList all = this.document.getElementsByTagName("*");
		for (int i = 0; i < all.getLength(); i++) {
			Element element = (Element) all.item(i);
			for (String attribute : attributes) {
				if (element.hasAttribute(attribute)) {
					values.add(Double.parseDouble(element.getAttribute(attribute)));
				}
			}
			if (element.getTagName().equals("rect")) {
				double start = Double.parseDouble(element.getAttribute(horizontal ? "x" : "y"));
				values.add(start + Double.parseDouble(element.getAttribute(horizontal ? "width" : "height")));
			}
			if (element.hasAttribute("points")) {
				for (String pair : element.getAttribute("points").split(" ")) {
					values.add(Double.parseDouble(pair.split(",")[horizontal ? 0 : 1]));
				}
			}
			if (element.hasAttribute("d")) {
				values.addAll(pathCoordinates(element.getAttribute("d"), horizontal));
			}
		}
		return values;
	}

	static List<Double> pathCoordinates(String d, boolean horizontal) {
		List<Double> values = new ArrayList<>();
		Matcher step = PATH_STEP.matcher(d);
		while (step.find()) {
			List<Double> numbers = NUMBER.matcher(step.group(2)).results().map((m) -> Double.parseDouble(m.group())).toList();
			switch (step.group(1)) {
				case "M", "L" -> values.add(numbers.get(horizontal ? 0 : 1));
				case "H" -> {
					if (horizontal) {
						values.add(numbers.get(0));
					}
				}
				case "V" -> {
					if (!horizontal) {
						values.add(numbers.get(0));
					}
				}
				default -> {
				}
			}
		}
		return values;
	}

}
