package io.paperboy.community;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a curator does to a paper on its day, as the curation forms name it. */
enum CurationAction {

	FEATURE, UNFEATURE, HIDE, UNHIDE;

	/** The action a form names ({@code feature}, {@code unhide}), if it names one. */
	static Optional<CurationAction> named(String name) {
		return Arrays.stream(values()).filter((action) -> action.name().toLowerCase(Locale.ROOT).equals(name)).findFirst();
	}

}
