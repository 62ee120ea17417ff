/** The catalog: papers, their authors and categories, arXiv ids, and the daily lists. */
package io.paperboy.catalog;
