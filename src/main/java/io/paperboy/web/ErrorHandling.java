package io.paperboy.web;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Maps failures to responses, once for the whole site: a friendly HTML page for pages, an RFC 9457
 * problem document for {@code /api/**} and the API description ({@code /v3/api-docs}), or the bare
 * status when the client's {@code Accept} header refuses JSON. Nothing here ever shows a stack trace,
 * and only a failure of ours (a 500) is logged as an error: a client's mistake is its own, and a
 * client that hung up is a line at DEBUG.
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
		return respond(request, HttpStatus.BAD_REQUEST, ex.title(), ex.getMessage());
	}

	/** Raised by the security filter chain for an API call that needs a signed-in member. */
	@ExceptionHandler(NotSignedInException.class)
	Object notSignedIn(NotSignedInException ex, HttpServletRequest request) {
		return respond(request, HttpStatus.UNAUTHORIZED, ex.title(), ex.getMessage());
	}

	@ExceptionHandler(ForbiddenException.class)
	Object forbidden(ForbiddenException ex, HttpServletRequest request) {
		return respond(request, HttpStatus.FORBIDDEN, ex.title(), ex.getMessage());
	}

	@ExceptionHandler(UnavailableException.class)
	Object unavailable(UnavailableException ex, HttpServletRequest request, HttpServletResponse response) {
		response.setHeader("Retry-After", Long.toString(Math.max(1, ex.retryAfter().toSeconds())));
		return respond(request, HttpStatus.SERVICE_UNAVAILABLE, ex.title(), ex.getMessage());
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

	/** The client asked for a type this address does not write, such as {@code Accept: application/xml}. */
	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	Object notAcceptable(HttpMediaTypeNotAcceptableException ex, HttpServletRequest request) {
		return respond(request, HttpStatus.NOT_ACCEPTABLE, "Not acceptable",
				"This address answers in " + types(ex.getSupportedMediaTypes(), "application/json")
						+ "; ask for that (or for */*) in the Accept header.");
	}

	/** A body of a type this address does not read, such as text/plain where JSON is expected. */
	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	Object unsupported(HttpMediaTypeNotSupportedException ex, HttpServletRequest request, HttpServletResponse response) {
		String supported = types(ex.getSupportedMediaTypes(), "application/json");
		response.setHeader(HttpHeaders.ACCEPT, supported);
		JsonBody body = jsonBody(request);
		return respond(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
				(body != null && !body.unsupported().isEmpty()) ? body.unsupported() : "Send the body as " + supported + ".");
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	Object unreadable(HttpMessageNotReadableException ex, HttpServletRequest request) {
		JsonBody body = jsonBody(request);
		return respond(request, HttpStatus.BAD_REQUEST, "Bad request",
				(body != null) ? body.unreadable() : "The body of the request could not be read.");
	}

	/** The words the controller chosen for this request gives about its body, if it gives any. */
	private static JsonBody jsonBody(HttpServletRequest request) {
		// an attribute, not a HandlerMethod parameter: a failure raised before a controller was chosen has none
		return (request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler)
				? AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), JsonBody.class) : null;
	}

	@ExceptionHandler(TooManyRequestsException.class)
	Object tooMany(TooManyRequestsException ex, HttpServletRequest request, HttpServletResponse response) {
		response.setHeader("Retry-After", Long.toString(Math.max(1, ex.retryAfter().toSeconds())));
		return respond(request, HttpStatus.TOO_MANY_REQUESTS, "Too many requests", ex.getMessage());
	}

	/**
	 * Everything else: a client that hung up is nobody's failure and there is no one to answer; any
	 * other client error Spring MVC names (a missing header, a bad path) keeps its own status; the
	 * rest is ours.
	 * @return {@code null} when there is no one to answer (the request counts as handled, since the
	 * response is a parameter)
	 */
	@ExceptionHandler(Exception.class)
	Object failure(Exception ex, HttpServletRequest request, HttpServletResponse response) {
		if (DisconnectedClientHelper.isClientDisconnectedException(ex)) {
			logger.debug("Client went away during {} {}: {}", request.getMethod(), request.getRequestURI(), ex.toString());
			return null;
		}
		if (ex instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
			HttpStatus status = HttpStatus.valueOf(known.getStatusCode().value());
			known.getHeaders().forEach((name, values) -> values.forEach((value) -> response.addHeader(name, value)));
			String detail = known.getBody().getDetail();
			return respond(request, status, status.getReasonPhrase(),
					(detail != null) ? detail : "The request could not be answered as it is.");
		}
		logger.error("Request {} {} failed", request.getMethod(), request.getRequestURI(), ex);
		return respond(request, HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong",
				"The server could not answer this request. It has been logged; please try again later.");
	}

	/**
	 * The answer in the form the request's address calls for: a problem document for the API (or the
	 * bare status, with no body, for a client whose {@code Accept} header refuses JSON), the error
	 * page for pages.
	 */
	static Object respond(HttpServletRequest request, HttpStatus status, String title, String message) {
		if (isApi(request)) {
			if (!takesProblems(request)) {
				return ResponseEntity.status(status).build();
			}
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
			problem.setTitle(title);
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		ModelAndView view = new ModelAndView("web/error", status);
		view.addObject("page", new ErrorPage(status.value(), title, message));
		return view;
	}

	/** The addresses answered in JSON: the API and its OpenAPI description. */
	static boolean isApi(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/api/") || path.equals("/v3/api-docs") || path.startsWith("/v3/api-docs/");
	}

	/** Whether the client takes a problem document: no Accept header, or one that allows JSON. */
	private static boolean takesProblems(HttpServletRequest request) {
		List<String> accept = java.util.Collections.list(request.getHeaders(HttpHeaders.ACCEPT));
		if (accept.isEmpty()) {
			return true;
		}
		try {
			return MediaType.parseMediaTypes(accept)
				.stream()
				.anyMatch((type) -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
						|| type.isCompatibleWith(MediaType.APPLICATION_JSON));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	private static String types(List<MediaType> types, String otherwise) {
		String listed = types.stream()
			.filter((type) -> !type.isWildcardType() && !type.isWildcardSubtype())
			.map(MediaType::toString)
			.distinct()
			.collect(Collectors.joining(", "));
		return listed.isEmpty() ? otherwise : listed;
	}

}
