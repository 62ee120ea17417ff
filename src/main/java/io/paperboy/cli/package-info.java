/** Command-line verbs: the same application, run once from a shell instead of serving requests. */
package io.paperboy.cli;
