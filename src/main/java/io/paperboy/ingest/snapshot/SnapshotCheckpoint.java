package io.paperboy.ingest.snapshot;

/**
 * Where an interrupted import of a snapshot file resumes, and what it had done up to there. Written
 * in the transaction of each batch, so it always agrees with the catalog.
 *
 * @param path the file's canonical path
 * @param size the file's size in bytes
 * @param headHash SHA-256 of the file's first 64 KiB: a new snapshot at the same path starts afresh
 * @param offset bytes of the (decompressed) content committed, always at a line start
 * @param line lines committed
 * @param created papers created by the committed lines
 * @param updated papers updated by the committed lines
 * @param unchanged papers found unchanged by the committed lines
 * @param skipped lines skipped among the committed lines
 */
record SnapshotCheckpoint(String path, long size, String headHash, long offset, long line, long created,
		long updated, long unchanged, long skipped) {

	static SnapshotCheckpoint start(SnapshotFile.Identity file) {
		return new SnapshotCheckpoint(file.path(), file.size(), file.headHash(), 0, 0, 0, 0, 0, 0);
	}

	boolean isOf(SnapshotFile.Identity file) {
		return this.path.equals(file.path()) && this.size == file.size() && this.headHash.equals(file.headHash());
	}

}
