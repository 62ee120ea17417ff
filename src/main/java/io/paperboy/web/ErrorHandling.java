package io.paperboy.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Maps failures to responses, once for the whole site: a friendly HTML page for pages, an RFC 9457
 * problem document for {@code /api/**}. Nothing here ever shows a stack trace.
 */
@ControllerAdvice
class ErrorHandling {

	private static final Logger logger = LoggerFactory.getLogger(ErrorHandling.class);

	@ExceptionHandler(NotFoundException.class)
	Object notFound(NotFoundException ex, HttpServletRequest request, HttpServletResponse response) {
		return respond(request, HttpStatus.NOT_FOUND, "Not found", ex.getMessage());
	}

	@ExceptionHandler(NoResourceFoundException.class)
	Object noResource(NoResourceFoundException ex, HttpServletRequest request) {
		return respond(request, HttpStatus.NOT_FOUND, "Not found", "There is nothing at this address.");
	}

	@ExceptionHandler(BadRequestException.class)
	Object badRequest(BadRequestException ex, HttpServletRequest request) {
		return respond(request, HttpStatus.BAD_REQUEST, "Bad request", ex.getMessage());
	}

	/** Tomcat refuses a query string that is not valid percent-encoding when a parameter is first read. */
	@ExceptionHandler(InvalidParameterException.class)
	Object undecodableParameter(InvalidParameterException ex, HttpServletRequest request) {
		return respond(request, HttpStatus.BAD_REQUEST, "Bad request",
				"The query string is not valid percent-encoded UTF-8.");
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	Object badParameter(Exception ex, HttpServletRequest request) {
		return respond(request, HttpStatus.BAD_REQUEST, "Bad request", "A parameter is missing or malformed.");
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	Object methodNotAllowed(HttpRequestMethodNotSupportedException ex, HttpServletRequest request) {
		return respond(request, HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed",
				"This address does not accept " + ex.getMethod() + ".");
	}

	@ExceptionHandler(TooManyRequestsException.class)
	Object tooMany(TooManyRequestsException ex, HttpServletRequest request, HttpServletResponse response) {
		response.setHeader("Retry-After", Long.toString(Math.max(1, ex.retryAfter().toSeconds())));
		return respond(request, HttpStatus.TOO_MANY_REQUESTS, "Too many requests", ex.getMessage());
	}

	@ExceptionHandler(Exception.class)
	Object failure(Exception ex, HttpServletRequest request) {
		logger.error("Request {} {} failed", request.getMethod(), request.getRequestURI(), ex);
		return respond(request, HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong",
				"The server could not answer this request. It has been logged; please try again later.");
	}

	static Object respond(HttpServletRequest request, HttpStatus status, String title, String message) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
			problem.setTitle(title);
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		ModelAndView view = new ModelAndView("web/error", status);
		view.addObject("page", new ErrorPage(status.value(), title, message));
		return view;
	}

}
