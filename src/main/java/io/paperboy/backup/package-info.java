/**
 * Backups: {@code backup FILE} copies the embedded database consistently while Paperboy runs, and
 * {@code restore FILE} brings such a copy into an empty data directory.
 */
@ApplicationModule(allowedDependencies = { "cli" })
package io.paperboy.backup;

import org.springframework.modulith.ApplicationModule;
