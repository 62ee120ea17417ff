package io.paperboy.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.tukaani.xz.XZInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedPostgresSupportTests {

	@Test
	void sharedDatabaseAnswersVersionQuery() throws SQLException {
		try (Connection connection = connect(EmbeddedPostgresSupport.jdbcUrl())) {
			String version = queryString(connection, "select version()");
			assertTrue(version.contains("PostgreSQL"), version);
			assertEquals("paperboy", queryString(connection, "select current_database()"));
		}
	}

	@Test
	void connectsAsPostgresUser() throws SQLException {
		assertEquals("postgres", EmbeddedPostgresSupport.username());
		try (Connection connection = connect(EmbeddedPostgresSupport.jdbcUrl())) {
			assertEquals("postgres", queryString(connection, "select current_user"));
		}
	}

	@Test
	void sharedDatabaseUrlIsStable() {
		assertEquals(EmbeddedPostgresSupport.jdbcUrl(), EmbeddedPostgresSupport.jdbcUrl());
	}

	@Test
	void freshDatabasesAreIsolated() throws SQLException {
		String first = EmbeddedPostgresSupport.freshDatabaseUrl();
		String second = EmbeddedPostgresSupport.freshDatabaseUrl();
		assertNotEquals(first, second);
		try (Connection a = connect(first); Connection b = connect(second)) {
			assertNotEquals(queryString(a, "select current_database()"), queryString(b, "select current_database()"));
			try (Statement statement = a.createStatement()) {
				statement.execute("create table isolation_probe (id int primary key)");
				statement.execute("insert into isolation_probe values (1)");
			}
			assertTrue(tableExists(a, "isolation_probe"));
			assertFalse(tableExists(b, "isolation_probe"));
		}
	}

	/** The archive served to zonky when running as root; checked here whatever the current user. */
	@Test
	void rootSafeArchiveWrapsInitdbAndPgCtlAndKeepsEverythingElse() throws IOException {
		Map<String, String> original;
		try (InputStream txz = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", "x86_64")) {
			assertNotNull(txz);
			original = describe(txz, null);
		}
		Map<String, String> scripts = new LinkedHashMap<>();
		Map<String, String> rewritten;
		// through the resolver, so that a root JVM reuses the archive it serves (or will serve) to zonky
		try (InputStream txz = EmbeddedPostgresSupport.RootSafeBinaryResolver.INSTANCE.getPgBinary("Linux", "x86_64")) {
			rewritten = describe(txz, scripts);
		}

		Map<String, String> expected = new LinkedHashMap<>(original);
		for (String tool : new String[] { "initdb", "pg_ctl" }) {
			String name = "bin/" + tool;
			expected.put(name + ".real", expected.remove(name));
			String wrapper = rewritten.remove(name);
			assertTrue(wrapper.startsWith("file mode=100755 "), wrapper);
			String script = scripts.get(name);
			assertTrue(script.startsWith("#!/bin/sh\n"), script);
			assertTrue(script.contains("exec setpriv --reuid=65534 --regid=65534 --clear-groups \"$bindir/" + tool
					+ ".real\" \"$@\""), script);
		}
		assertEquals(expected, rewritten);
		assertTrue(rewritten.values().stream().anyMatch((description) -> description.startsWith("symlink")));
	}

	private static Map<String, String> describe(InputStream txz, Map<String, String> scripts) throws IOException {
		Map<String, String> entries = new LinkedHashMap<>();
		try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(txz))) {
			TarArchiveEntry entry;
			while ((entry = tar.getNextEntry()) != null) {
				String kind = entry.isSymbolicLink() ? "symlink" : entry.isDirectory() ? "dir" : "file";
				entries.put(entry.getName(), kind + " mode=" + Integer.toOctalString(entry.getMode()) + " size="
						+ entry.getSize() + " link=" + entry.getLinkName() + " mtime=" + entry.getModTime().getTime());
				if (scripts != null && entry.isFile() && entry.getSize() < 10_000) {
					scripts.put(entry.getName(), new String(tar.readAllBytes(), StandardCharsets.UTF_8));
				}
			}
		}
		return entries;
	}

	private static Connection connect(String url) throws SQLException {
		return DriverManager.getConnection(url, EmbeddedPostgresSupport.username(), "");
	}

	private static String queryString(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			assertTrue(rs.next(), sql);
			return rs.getString(1);
		}
	}

	private static boolean tableExists(Connection connection, String table) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select to_regclass('public." + table + "') is not null")) {
			rs.next();
			return rs.getBoolean(1);
		}
	}

}
