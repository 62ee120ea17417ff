package io.paperboy.web;

/**
 * The API page, {@code web/api.jte}.
 *
 * @param baseUrl the site's public address, which the examples use
 */
public record ApiPage(String baseUrl) {
}
