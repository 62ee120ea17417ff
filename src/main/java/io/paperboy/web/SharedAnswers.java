package io.paperboy.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;

/**
 * Addresses whose answer is the same for every visitor who is not signed in (a day page, the API's
 * lists, the feeds), kept ready as bytes by the feature that serves them. For a {@code GET} or
 * {@code HEAD} without the session cookie, {@link SharedAnswersFilter} asks for the answer here
 * and sends it with the site's headers, without Spring Session, Spring Security or Spring MVC: an
 * anonymous read then costs little more than sending the bytes.
 * <p>
 * An implementation must answer exactly as its controller answers an anonymous visitor (a test
 * compares the two), and must not depend on who asks: nothing here knows the visitor.
 */
public interface SharedAnswers {

	/** The addresses answered here, as Spring MVC path patterns ({@code /papers/date/{date}}). */
	List<String> patterns();

	/**
	 * The answer to an anonymous {@code GET} of an address that matches {@code pattern}, with its
	 * {@code ETag}, {@code Cache-Control} and {@code Vary} headers; or {@code null} to leave the
	 * request to the whole filter chain and its controller (anything unusual: a repeated parameter,
	 * an answer that is not a 200). An exception does the same: the controller then answers the
	 * request again, and reports the failure as it always does.
	 * @param pattern the pattern, one of {@link #patterns()}, that the address matched
	 * @param variables the pattern's variables, as they stand in the address
	 * @param request the request, for its parameters and {@code Accept-Encoding}
	 */
	ResponseEntity<byte[]> answer(String pattern, Map<String, String> variables, HttpServletRequest request);

}
