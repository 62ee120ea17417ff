package io.paperboy.digest;

/**
 * A page reached from a signed link that asks for one press of a button before it changes
 * anything (mail scanners follow links, they do not press buttons), {@code digest/link.jte}.
 *
 * @param title the heading
 * @param message what the page says
 * @param action where the button posts, or {@code null} for no button
 * @param button the button's words
 * @param next a link to follow afterwards, or {@code null}
 * @param nextLabel that link's words
 */
public record LinkPage(String title, String message, String action, String button, String next, String nextLabel) {
}
