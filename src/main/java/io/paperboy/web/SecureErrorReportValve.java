package io.paperboy.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.Context;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's answer to a request it refuses before Paperboy sees it (an encoded NUL or slash in the
 * path, a request line or header past {@code server.max-http-request-header-size}): a short page
 * with the status in words, no server name and no report, carrying the same protective headers as
 * every page of the site. Answers Spring has written already pass through untouched.
 */
class SecureErrorReportValve extends ErrorReportValve {

	SecureErrorReportValve() {
		setShowReport(false);
		setShowServerInfo(false);
	}

	/**
	 * Puts this valve in place of the host's error report valves, the one Spring Boot adds
	 * included: run this after Boot's own customisation of the context.
	 */
	static void install(Context context) {
		if (!(context.getParent() instanceof StandardHost host)) {
			return;
		}
		// so that the host does not add its default one when it starts
		host.setErrorReportValveClass(SecureErrorReportValve.class.getName());
		for (Valve valve : host.getPipeline().getValves()) {
			if (valve instanceof ErrorReportValve) {
				host.getPipeline().removeValve(valve);
			}
		}
		host.getPipeline().addValve(new SecureErrorReportValve());
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || response.isCommitted()) {
			return;
		}
		if (!response.setErrorReported()) {
			return;
		}
		protect(response);
		response.setContentType("text/html");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		String title = status + " " + reason(status);
		try {
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title
						+ " · Paperboy</title></head><body><h1>" + title
						+ "</h1><p>The request could not be read. Check the address and try again.</p>"
						+ "<p><a href=\"/papers\">Go to the papers</a></p></body></html>");
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone or the answer is already under way: nothing more to say
		}
	}

	/** The headers {@link SecurityConfiguration} gives every other answer, where none is set yet. */
	static void protect(Response response) {
		setIfAbsent(response, "Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY);
		setIfAbsent(response, "X-Content-Type-Options", "nosniff");
		setIfAbsent(response, "X-Frame-Options", "DENY");
		setIfAbsent(response, "Referrer-Policy", "strict-origin-when-cross-origin");
		setIfAbsent(response, "Cache-Control", "no-store");
	}

	private static void setIfAbsent(Response response, String name, String value) {
		if (response.getHeader(name) == null) {
			response.setHeader(name, value);
		}
	}

	private static String reason(int status) {
		org.springframework.http.HttpStatus known = org.springframework.http.HttpStatus.resolve(status);
		return (known != null) ? known.getReasonPhrase() : "Error";
	}

}
