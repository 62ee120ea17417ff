package io.paperboy.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The answer to errors raised outside a controller (by the security filters: a refused CSRF token,
 * a hidden operators' page), in the same form as {@link ErrorHandling}'s.
 */
@Controller
class ErrorPages implements ErrorController {

	@RequestMapping("/error")
	Object error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer number) ? HttpStatus.resolve(number) : null;
		if (status == null) {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		HttpServletRequest original = new jakarta.servlet.http.HttpServletRequestWrapper(request) {
			@Override
			public String getRequestURI() {
				return (uri != null) ? uri : super.getRequestURI();
			}
		};
		return switch (status) {
			case NOT_FOUND -> ErrorHandling.respond(original, status, "Not found", "There is nothing at this address.");
			case FORBIDDEN -> ErrorHandling.respond(original, status, "Forbidden",
					"This form has expired or did not come from this site. Go back, reload the page and try again.");
			case UNAUTHORIZED -> ErrorHandling.respond(original, status, "Sign in first", "Sign in to do this.");
			case BAD_REQUEST -> ErrorHandling.respond(original, status, "Bad request", "The request could not be read.");
			default -> ErrorHandling.respond(original, status, "Something went wrong",
					"The server could not answer this request. Please try again later.");
		};
	}

}
