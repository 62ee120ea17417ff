/**
 * What members do with papers: votes, comments, submissions, curation of the daily lists, and the
 * profiles that show what someone did.
 */
@ApplicationModule(allowedDependencies = { "catalog", "account", "web", "ingest :: arxiv" })
package io.paperboy.community;

import org.springframework.modulith.ApplicationModule;
