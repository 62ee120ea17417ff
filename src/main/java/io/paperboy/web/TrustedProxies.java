package io.paperboy.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Believes forwarded headers from the proxies the operator lists ({@code paperboy.proxies.trusted})
 * and from nobody else, with Tomcat's {@link RemoteIpValve}: the client address is the right-most
 * {@code X-Forwarded-For} entry that is not a trusted proxy, and {@code X-Forwarded-Proto: https}
 * makes the request secure (so the session cookie is {@code Secure} and redirects are
 * {@code https}). With no proxy listed the valve is not installed and every forwarded header is
 * ignored: the client is whoever opened the connection.
 * <p>
 * Spring Boot's own {@code server.forward-headers-strategy} is refused at start: {@code native}
 * trusts every private address range as a proxy, and {@code framework} takes the left-most
 * {@code X-Forwarded-For} entry, which the client writes.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class TrustedProxies {

	/** The request attribute Tomcat sets when a request came through a trusted proxy. */
	private static final String FORWARDED = "org.apache.tomcat.request.forwarded";

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> trustedProxiesValve(ProxyProperties proxies,
			Environment environment) {
		String strategy = environment.getProperty("server.forward-headers-strategy", "none").strip();
		if (!strategy.equalsIgnoreCase("none")) {
			throw new IllegalStateException("server.forward-headers-strategy=" + strategy
					+ " is not supported: it believes forwarded headers from addresses no one listed. "
					+ "Remove it and list your proxies in paperboy.proxies.trusted instead (docs/operations.md).");
		}
		String ranges = ranges(proxies.trusted());
		return (factory) -> {
			if (ranges.isEmpty()) {
				return;
			}
			RemoteIpValve valve = new RemoteIpValve();
			valve.setInternalProxies(ranges);
			valve.setTrustedProxies(null);
			valve.setRemoteIpHeader("X-Forwarded-For");
			valve.setProtocolHeader("X-Forwarded-Proto");
			valve.setHostHeader("X-Forwarded-Host");
			valve.setPortHeader("X-Forwarded-Port");
			factory.addEngineValves(valve);
		};
	}

	/** Whether this request reached Paperboy through one of the trusted proxies. */
	static boolean cameThroughProxy(HttpServletRequest request) {
		return Boolean.TRUE.equals(request.getAttribute(FORWARDED));
	}

	/**
	 * The operator's entries as the CIDR list Tomcat reads: an address alone is a range of one.
	 * @throws IllegalStateException for an entry that is not an IP address or CIDR range (names are
	 * refused: believing a header because a name resolved to an address is a lookup an attacker can
	 * influence)
	 */
	static String ranges(List<String> entries) {
		StringBuilder ranges = new StringBuilder();
		for (String entry : entries) {
			int slash = entry.indexOf('/');
			String address = (slash < 0) ? entry : entry.substring(0, slash);
			boolean v6 = address.contains(":");
			if (!v6 && (!IPV4.matcher(address).matches()
					|| java.util.Arrays.stream(address.split("\\.")).anyMatch((octet) -> Integer.parseInt(octet) > 255))) {
				throw invalid(entry);
			}
			int bits = v6 ? 128 : 32;
			int prefix = bits;
			if (slash >= 0) {
				try {
					prefix = Integer.parseInt(entry.substring(slash + 1));
				}
				catch (NumberFormatException ex) {
					throw invalid(entry);
				}
			}
			if (prefix < 0 || prefix > bits) {
				throw invalid(entry);
			}
			try {
				// a literal, so no name is looked up
				InetAddress.getByName(address);
			}
			catch (UnknownHostException ex) {
				throw invalid(entry);
			}
			ranges.append((ranges.length() > 0) ? "," : "").append(address).append('/').append(prefix);
		}
		return ranges.toString();
	}

	private static IllegalStateException invalid(String entry) {
		return new IllegalStateException("paperboy.proxies.trusted: '" + entry
				+ "' is not an IP address or CIDR range (such as 127.0.0.1 or 10.0.0.0/8)");
	}

}
