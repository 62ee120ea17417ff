package io.paperboy.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Access to the operators' pages ({@code /admin/...}) until accounts and roles exist:
 * {@code paperboy.admin.*}.
 *
 * @param token a secret that opens the operators' pages from anywhere, sent as
 * {@code Authorization: Bearer TOKEN}; give it from the environment ({@code PAPERBOY_ADMIN_TOKEN}),
 * never in a file. Without it the pages answer only on the loopback address.
 */
@ConfigurationProperties("paperboy.admin")
record AdminProperties(String token) {

	AdminProperties {
		token = (token != null) ? token.strip() : "";
	}

}
