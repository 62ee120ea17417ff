package io.paperboy.ingest.oai;

/** OAI-PMH harvests into the embedded H2 database. */
class H2OaiHarvestTests extends OaiHarvestContract {

}
