package org.hourglass.api;

import java.nio.file.Path;

/**
 * A model file found in a models folder.
 *
 * @param name the file name without {@code .zip}, used to refer to the model
 * @param variant the variant it belongs to
 * @param file where it is
 */
public record ModelEntry(String name, String variant, Path file) {}
