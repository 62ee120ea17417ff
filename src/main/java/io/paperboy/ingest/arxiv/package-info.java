/**
 * arXiv's API (Atom over HTTP): look-ups by id for submissions and refreshes, the category query
 * behind the "new papers" poll, and the two sources built on them ({@code arxiv} and
 * {@code arxiv-refresh}).
 */
package io.paperboy.ingest.arxiv;
