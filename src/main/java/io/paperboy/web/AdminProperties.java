package io.paperboy.web;

import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Access to the operators' pages ({@code /admin/...}) and actuator endpoints besides those of signed-in
 * administrators: {@code paperboy.admin.*}.
 *
 * @param token a secret that opens the operators' pages from anywhere, sent as
 * {@code Authorization: Bearer TOKEN}; give it from the environment ({@code PAPERBOY_ADMIN_TOKEN}),
 * never in a file
 * @param trustLoopback whether a request from the loopback address that reached Paperboy directly
 * (no proxy header, not from a trusted proxy) may see the operators' pages without signing in. Off
 * by default. Risk: a proxy on the same machine that adds no {@code X-Forwarded-For} and is not
 * listed in {@code paperboy.proxies.trusted} makes every visitor look local, and so an operator
 * @param hosts other host names (besides the host of {@code paperboy.base-url}) under which the
 * operators' pages answer, such as an internal name; a request for any other {@code Host} is refused
 * there, so a page of another site that a browser on the server's machine opens cannot reach them
 * (DNS rebinding)
 */
@ConfigurationProperties("paperboy.admin")
record AdminProperties(String token, @DefaultValue("false") boolean trustLoopback, List<String> hosts) {

	AdminProperties {
		token = (token != null) ? token.strip() : "";
		hosts = (hosts != null) ? hosts.stream().map((host) -> host.strip().toLowerCase(Locale.ROOT)).toList()
				: List.of();
	}

}
