package io.paperboy.ingest.hfdaily;

/** The real archive imported into the embedded H2 database. */
class H2DailyPapersImportRealArchiveTests extends DailyPapersImportRealArchiveContract {

}
