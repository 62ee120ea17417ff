package io.paperboy.mail;

import org.eclipse.angus.mail.util.MailStreamProvider;

/**
 * Names Angus Mail's stream provider in the system property {@code jakarta.mail.util.StreamProvider}.
 * <p>
 * Why: Jakarta Mail asks for its stream provider many times per message (for every encoded word,
 * body part and multipart), and each time, unless that property names a class, it runs a
 * {@link java.util.ServiceLoader} over the whole class path; writing digests spent 40% of its time
 * there. With the property set, it loads the named class through the thread's context class loader
 * and makes one, which is cheap. An operator's own value is kept.
 */
final class StreamProviderProperty {

	static final String NAME = "jakarta.mail.util.StreamProvider";

	private StreamProviderProperty() {
	}

	/** Sets the property to Angus Mail's provider, unless it is set already; before any message is written. */
	static void setUnlessSet() {
		if (System.getProperty(NAME) == null) {
			System.setProperty(NAME, MailStreamProvider.class.getName());
		}
	}

}
