package io.paperboy.web;

import java.io.IOException;
import java.util.concurrent.atomic.LongAdder;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * How many requests the server has begun and how many it is answering now, for work that should
 * run only while no visitor waits (the embedding queue's extra threads). Counted by a valve at the
 * head of Tomcat's engine, ahead of every filter, so that the kept answers sent before the filter
 * chain count too, and the requests Tomcat answers by itself. The request path pays two
 * {@link LongAdder} increments: no lock, and no cache line the two cores fight over; the reader,
 * who asks a few times a second, pays for the sums.
 */
@Component
public final class RequestsInFlight implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

	private final LongAdder started = new LongAdder();

	private final LongAdder finished = new LongAdder();

	/** Requests begun since start; a change between two readings means a visitor came. */
	public long started() {
		return this.started.sum();
	}

	/** Requests begun and not answered yet. */
	public long inFlight() {
		// finished first: each sum only grows, so the difference never falls below the truth's floor
		long done = this.finished.sum();
		return Math.max(0, this.started.sum() - done);
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addEngineValves(new CountingValve(this));
	}

	/** Counts a request from the moment Tomcat hands it to the engine until the servlet returns. */
	private static final class CountingValve extends ValveBase {

		private final RequestsInFlight requests;

		CountingValve(RequestsInFlight requests) {
			// asynchronous requests pass too; they count until their servlet returns, not until they end
			super(true);
			this.requests = requests;
		}

		@Override
		public void invoke(Request request, Response response) throws IOException, ServletException {
			this.requests.started.increment();
			try {
				getNext().invoke(request, response);
			}
			finally {
				this.requests.finished.increment();
			}
		}

	}

}
