package io.paperboy;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Infrastructure every feature shares. */
@Configuration(proxyBeanMethods = false)
class CoreConfiguration {

	/** The one source of "now", so tests can fix it. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
