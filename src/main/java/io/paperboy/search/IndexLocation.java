package io.paperboy.search;

import java.nio.file.Path;

/** The index's folder, and the folder where native libraries of the embedding model are unpacked. */
record IndexLocation(Path folder, Path nativeFolder) {
}
