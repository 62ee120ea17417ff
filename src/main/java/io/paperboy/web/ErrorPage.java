package io.paperboy.web;

/**
 * What an error page shows: never a stack trace, always a way on.
 *
 * @param status the HTTP status
 * @param title a short heading
 * @param message what went wrong, in words a reader can act on
 */
public record ErrorPage(int status, String title, String message) {

}
