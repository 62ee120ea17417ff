package io.paperboy.support;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Empties the catalog's tables ({@link CatalogTables#empty}) before each test of a class that
 * extends with it, {@code @ExtendWith(EmptyCatalog.class)}: runs before the test's own
 * {@code @BeforeEach} methods, so they can fill the tables again.
 */
public class EmptyCatalog implements BeforeEachCallback {

	@Override
	public void beforeEach(ExtensionContext context) {
		ApplicationContext application = SpringExtension.getApplicationContext(context);
		CatalogTables.empty(application.getBean(JdbcClient.class), application);
	}

}
