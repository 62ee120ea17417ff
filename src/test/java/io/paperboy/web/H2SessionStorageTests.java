package io.paperboy.web;

/** Members' sessions on the embedded H2 database, as a fresh install runs it. */
class H2SessionStorageTests extends SessionStorageContract {

}
