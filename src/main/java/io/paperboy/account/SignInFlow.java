package io.paperboy.account;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.paperboy.mail.InvalidMailAddressException;
import io.paperboy.mail.MailAddress;
import io.paperboy.mail.MailFailure;
import io.paperboy.mail.MailMessage;
import io.paperboy.mail.Mailer;
import io.paperboy.web.RateLimits;
import io.paperboy.web.SafeRedirect;
import io.paperboy.web.SignInSteps;
import io.paperboy.web.SiteProperties;
import io.paperboy.web.TooManyRequestsException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.ott.GenerateOneTimeTokenRequestResolver;
import org.springframework.security.web.authentication.ott.OneTimeTokenGenerationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * The steps of signing in with a mailed link, as Spring Security's one-time-token login calls them:
 * <ol>
 * <li>{@code POST /signin/link} with an address: {@link #linkRequests()} checks the address and the
 * limits (a refused request goes on to {@link SignInController}, which says why);</li>
 * <li>Spring Security stores a token; {@link #linkMailer()} mails the link and shows "check your
 * inbox", in the same words whether or not the address has an account;</li>
 * <li>the link opens a page whose button posts the token to {@code /signin/token}: following a
 * link does not sign in by itself, so a mail scanner that opens links cannot use it up;</li>
 * <li>{@link #signedIn()} sends a first-time member to choose a username, everyone else back to
 * where they were.</li>
 * </ol>
 */
@Component
public class SignInFlow implements SignInSteps {

	/** The request attribute that tells {@link SignInController} why a link was not sent. */
	static final String REFUSAL = SignInFlow.class.getName() + ".refusal";

	static final String INVALID_ADDRESS = MailAddress.NOT_AN_ADDRESS;

	private static final Logger logger = LoggerFactory.getLogger(SignInFlow.class);

	private final AccountProperties properties;

	private final RateLimits limits;

	private final Mailer mailer;

	private final SiteProperties site;

	SignInFlow(AccountProperties properties, RateLimits limits, Mailer mailer, SiteProperties site) {
		this.properties = properties;
		this.limits = limits;
		this.mailer = mailer;
		this.site = site;
	}

	@Override
	public GenerateOneTimeTokenRequestResolver linkRequests() {
		return (request) -> {
			String address;
			try {
				address = MailAddress.normalise(request.getParameter("username"));
			}
			catch (InvalidMailAddressException ex) {
				request.setAttribute(REFUSAL, ex);
				return null;
			}
			try {
				this.limits.take(java.util.List.of(
						new RateLimits.Limit("sign-in link", "client " + request.getRemoteAddr(),
								this.properties.signInLinksPerClient(), java.time.Duration.ofHours(1),
								"Too many sign-in links were asked for from your network. Try again in an hour."),
						new RateLimits.Limit("sign-in link", "address " + address,
								this.properties.signInLinksPerAddress(), java.time.Duration.ofHours(1),
								"Too many sign-in links were sent to this address in the last hour. Use the newest one, or try again later.")));
			}
			catch (TooManyRequestsException ex) {
				request.setAttribute(REFUSAL, ex);
				return null;
			}
			return new GenerateOneTimeTokenRequest(address, this.properties.signInLinkValidity());
		};
	}

	@Override
	public OneTimeTokenGenerationSuccessHandler linkMailer() {
		return (request, response, token) -> {
			String back = SafeRedirect.path(request.getParameter("continue"));
			try {
				MailMessage message = message(token, back);
				this.mailer.send(message);
				if (this.mailer.keepsMailInOutbox()) {
					// with no mail server the operator of a fresh install reads the first link here
					logger.info("No mail server is set (spring.mail.host): the sign-in link for {} is kept at /admin/mail "
							+ "and is {}", token.getUsername(), link(token, back));
				}
			}
			catch (MailFailure ex) {
				logger.warn("Could not send a sign-in link: {}", ex.getMessage());
				response.sendRedirect("/signin?unsent&continue=" + encode(back));
				return;
			}
			response.sendRedirect("/signin/sent?continue=" + encode(back));
		};
	}

	@Override
	public AuthenticationSuccessHandler signedIn() {
		return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
			String back = SafeRedirect.path(request.getParameter("continue"));
			if (authentication.getPrincipal() instanceof Member member && member.needsProfile()) {
				redirect(response, "/welcome?continue=" + encode(back));
				return;
			}
			redirect(response, back);
		};
	}

	private String link(OneTimeToken token, String back) {
		return this.site.baseUrl() + ("/signin/token?token=" + encode(token.getTokenValue()) + "&continue="
				+ encode(back));
	}

	MailMessage message(OneTimeToken token, String back) {
		String link = link(token, back);
		long minutes = this.properties.signInLinkValidity().toMinutes();
		String text = """
				Hello,

				Someone, probably you, asked to sign in to Paperboy with this address.
				Open this link to sign in (it works once, for %d minutes):

				%s

				If it was not you, ignore this message: nothing happens unless the link
				is opened.
				""".formatted(minutes, link);
		String html = """
				<!DOCTYPE html><html><body style="font-family:sans-serif;line-height:1.5">
				<p>Hello,</p>
				<p>Someone, probably you, asked to sign in to Paperboy with this address.</p>
				<p><a href="%s" style="display:inline-block;padding:10px 16px;background:#ffd21e;color:#000;text-decoration:none;border-radius:6px">Sign in to Paperboy</a></p>
				<p>The link works once, for %d minutes. If it was not you, ignore this message.</p>
				</body></html>
				""".formatted(org.springframework.web.util.HtmlUtils.htmlEscape(link), minutes);
		return MailMessage.transactional(token.getUsername(), "Your Paperboy sign-in link", text, html);
	}

	private static void redirect(HttpServletResponse response, String location) throws IOException {
		response.setStatus(HttpServletResponse.SC_SEE_OTHER);
		response.setHeader("Location", location);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
