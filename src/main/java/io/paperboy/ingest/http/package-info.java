/** HTTP as the sources need it: gentle to the servers, patient with their failures. */
package io.paperboy.ingest.http;
