package io.paperboy.digest;

/**
 * The subscribe page, {@code digest/subscribe.jte}.
 *
 * @param email what was typed, shown again after a mistake
 * @param problem what went wrong, or {@code null}
 * @param asked whether a request was taken: the page then says to look in the inbox, in the same
 * words whatever state the address was in
 */
public record SubscribePage(String email, String problem, boolean asked) {
}
