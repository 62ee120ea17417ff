/** What members do with papers: votes, submissions to the daily lists, and curators' curation of them. */
package io.paperboy.community;
