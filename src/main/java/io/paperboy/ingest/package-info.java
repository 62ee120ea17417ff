/**
 * Ways papers flow into the catalog, one sub-package per source, and what they share: the record
 * of every run ({@link io.paperboy.ingest.IngestRuns}), checkpoints for resuming, the
 * {@code ingest run} verb and the sources' settings.
 */
@ApplicationModule(allowedDependencies = { "catalog", "account", "cli" })
package io.paperboy.ingest;

import org.springframework.modulith.ApplicationModule;
