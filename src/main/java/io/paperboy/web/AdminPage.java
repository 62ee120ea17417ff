package io.paperboy.web;

/**
 * One of the operators' pages, as {@code /admin} lists it.
 *
 * @param path its address
 * @param title its name
 * @param what what it shows
 */
public record AdminPage(String path, String title, String what) {

}
