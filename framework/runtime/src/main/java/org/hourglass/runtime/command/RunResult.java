package org.hourglass.runtime.command;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a command run produced.
 *
 * @param outputs every output value that is not an image written to a file, by key, in declaration order
 * @param written the image outputs written, by key
 * @param millis how long the command ran
 */
public record RunResult(Map<String, Object> outputs, Map<String, Path> written, long millis) {}
