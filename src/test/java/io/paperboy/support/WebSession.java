package io.paperboy.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.paperboy.mail.DevMailbox;
import io.paperboy.mail.KeptMail;

/**
 * A visitor with a cookie jar, talking HTTP to a running Paperboy as a browser would (without
 * following redirects, so tests see each step). It can sign in the way a person does: ask for a
 * link, read it from the development outbox, follow it.
 */
public final class WebSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern LINK = Pattern.compile("https?://\\S+?(/signin/token\\?\\S+)");

	private final String base;

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	private final HttpClient http;

	public WebSession(int port) {
		this.base = "http://127.0.0.1:" + port;
		this.http = HttpClient.newBuilder().cookieHandler(this.cookies).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.base + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** Posts a form as a browser does: fields URL-encoded, in the given order. */
	public HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
		String body = fields.entrySet()
			.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return this.http.send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Referer", this.base + "/papers")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Posts a form from {@code page}, with the CSRF token that page carries. */
	public HttpResponse<String> submit(String page, String action, Map<String, String> fields)
			throws IOException, InterruptedException {
		Map<String, String> withToken = new LinkedHashMap<>();
		withToken.put("_csrf", csrfOf(get(page).body()));
		withToken.putAll(fields);
		return post(action, withToken);
	}

	/** Asks for a sign-in link for {@code address}, coming back to {@code back}. */
	public HttpResponse<String> askForLink(String address, String back) throws IOException, InterruptedException {
		return submit("/signin", "/signin/link", Map.of("username", address, "continue", back));
	}

	/** Opens a mailed link and presses its button: the answer is where signing in leads. */
	public HttpResponse<String> follow(String link) throws IOException, InterruptedException {
		String page = get(link).body();
		Matcher token = Pattern.compile("name=\"token\" value=\"([^\"]*)\"").matcher(page);
		Matcher back = Pattern.compile("name=\"continue\" value=\"([^\"]*)\"").matcher(page);
		if (!token.find() || !back.find()) {
			throw new IllegalStateException("No sign-in form on " + link + ":\n" + page);
		}
		return post("/signin/token", Map.of("_csrf", csrfOf(page), "token", unescape(token.group(1)), "continue",
				unescape(back.group(1))));
	}

	/** Signs in as {@code address} and, at a first sign-in, takes {@code username} as name. */
	public void signIn(DevMailbox mailbox, String address, String username) throws IOException, InterruptedException {
		askForLink(address, "/papers");
		HttpResponse<String> signedIn = follow(newestLink(mailbox, address));
		String location = location(signedIn).orElse("");
		if (location.startsWith("/welcome")) {
			submit("/welcome", "/welcome", Map.of("username", username, "displayName", username, "continue", "/papers"));
		}
	}

	/** The path of the newest sign-in link mailed to {@code address}. */
	public static String newestLink(DevMailbox mailbox, String address) {
		List<KeptMail> mails = mailbox.to(address);
		if (mails.isEmpty()) {
			throw new IllegalStateException("No mail to " + address);
		}
		Matcher link = LINK.matcher(mails.get(mails.size() - 1).text());
		if (!link.find()) {
			throw new IllegalStateException("No sign-in link in the mail to " + address);
		}
		return link.group(1);
	}

	public static String csrfOf(String page) {
		Matcher token = CSRF.matcher(page);
		if (!token.find()) {
			throw new IllegalStateException("No CSRF token on the page:\n" + page);
		}
		return token.group(1);
	}

	/** Where a redirect leads, as a path on this site (Tomcat may make the address absolute). */
	public static java.util.Optional<String> location(HttpResponse<?> response) {
		return response.headers().firstValue("Location").map((location) -> {
			URI uri = URI.create(location);
			return (uri.getScheme() == null) ? location
					: uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
		});
	}

	/** The session cookie's value, or {@code null}. */
	public String sessionId() {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals("PAPERBOY_SESSION"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String unescape(String html) {
		return html.replace("&#34;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
	}

}
