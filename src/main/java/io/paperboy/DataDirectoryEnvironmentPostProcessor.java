package io.paperboy;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code paperboy.data-dir} absolute before anything uses it. The embedded database URL is
 * built from it, and H2 refuses a path such as {@code data} that is implicitly relative to the
 * working directory; an operator should not have to know that {@code ./data} works and {@code data}
 * does not.
 */
class DataDirectoryEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY = "paperboy.data-dir";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String dataDir = environment.getProperty(PROPERTY);
		if (dataDir != null && !dataDir.isBlank()) {
			String absolute = Path.of(dataDir).toAbsolutePath().normalize().toString();
			environment.getPropertySources()
				.addFirst(new MapPropertySource("paperboyDataDirectory", Map.of(PROPERTY, absolute)));
		}
	}

	/** After the configuration files are read, so every way of setting the property counts. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
