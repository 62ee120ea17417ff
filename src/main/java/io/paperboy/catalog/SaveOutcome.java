package io.paperboy.catalog;

/** What saving a record did to the catalog. */
public enum SaveOutcome {

	/** The record was new. */
	CREATED,

	/** The record existed and changed. */
	UPDATED,

	/** The record existed and nothing changed (or the offered data was older than what is stored). */
	UNCHANGED

}
