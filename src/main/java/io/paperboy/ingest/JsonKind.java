package io.paperboy.ingest;

import tools.jackson.databind.JsonNode;

/** How a fault in a source's JSON names what it found instead ("expected an array but found a string"). */
public final class JsonKind {

	private JsonKind() {
	}

	/** "an array", "an object", "a string", "a number", "a boolean", "null", or "nothing" when absent. */
	public static String of(JsonNode node) {
		if (node == null || node.isMissingNode()) {
			return "nothing";
		}
		return switch (node.getNodeType()) {
			case ARRAY -> "an array";
			case OBJECT, POJO -> "an object";
			case STRING -> "a string";
			case NUMBER -> "a number";
			case BOOLEAN -> "a boolean";
			case NULL -> "null";
			default -> "nothing";
		};
	}

}
