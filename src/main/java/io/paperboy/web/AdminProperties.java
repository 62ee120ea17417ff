package io.paperboy.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Access to the operators' pages ({@code /admin/...}) and actuator endpoints besides those of signed-in
 * administrators: {@code paperboy.admin.*}.
 *
 * @param token a secret that opens the operators' pages from anywhere, sent as
 * {@code Authorization: Bearer TOKEN}; give it from the environment ({@code PAPERBOY_ADMIN_TOKEN}),
 * never in a file
 * @param trustLoopback whether a request from the loopback address that no proxy relayed may see the
 * operators' pages; switch it off when a proxy on the same machine forwards requests without
 * {@code X-Forwarded-For}
 */
@ConfigurationProperties("paperboy.admin")
record AdminProperties(String token, @DefaultValue("true") boolean trustLoopback) {

	AdminProperties {
		token = (token != null) ? token.strip() : "";
	}

}
