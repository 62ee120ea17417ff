package io.paperboy.digest;

/**
 * The subscribe page, {@code digest/subscribe.jte}.
 *
 * @param email what was typed, shown again after a mistake
 * @param problem what went wrong, or {@code null}
 * @param asked whether a request was taken: the page then says to look in the inbox, in the same
 * words whatever state the address was in
 * @param subscribed whether the signed-in member's own address was subscribed at once
 */
public record SubscribePage(String email, String problem, boolean asked, boolean subscribed) {

	static SubscribePage form(String email) {
		return new SubscribePage(email, null, false, false);
	}

	static SubscribePage refused(String email, String problem) {
		return new SubscribePage(email, problem, false, false);
	}

	static SubscribePage asked(String email) {
		return new SubscribePage(email, null, true, false);
	}

	static SubscribePage subscribed(String email) {
		return new SubscribePage(email, null, false, true);
	}

}
