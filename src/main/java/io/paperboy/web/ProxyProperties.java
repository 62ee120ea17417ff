package io.paperboy.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The reverse proxies in front of Paperboy: {@code paperboy.proxies.*}.
 *
 * @param trusted addresses or CIDR ranges of the proxies whose {@code X-Forwarded-For},
 * {@code X-Forwarded-Proto}, {@code X-Forwarded-Host} and {@code X-Forwarded-Port} headers are
 * believed (for example {@code 127.0.0.1} for nginx on the same machine, {@code 10.0.0.0/8} for a
 * load balancer's network). Empty by default: then no forwarded header counts and the client is
 * whoever opened the connection. The client is the right-most address of {@code X-Forwarded-For}
 * that is not a trusted proxy, so what a client writes in the header itself is never believed
 */
@ConfigurationProperties("paperboy.proxies")
record ProxyProperties(List<String> trusted) {

	ProxyProperties {
		trusted = (trusted != null) ? trusted.stream().map(String::strip).filter((entry) -> !entry.isEmpty()).toList()
				: List.of();
	}

}
