package io.paperboy.ingest.snapshot;

/** The snapshot import into the embedded H2 database. */
class H2SnapshotImportTests extends SnapshotImportContract {

}
