/**
 * What members do with papers: votes, comments, submissions, curation of the daily lists, and the
 * profiles that show what someone did.
 */
package io.paperboy.community;
