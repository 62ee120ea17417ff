/** Ways papers flow into the catalog, one sub-package per source. */
package io.paperboy.ingest;
