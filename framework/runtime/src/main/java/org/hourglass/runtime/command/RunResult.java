package org.hourglass.runtime.command;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a command run produced.
 *
 * @param outputs every output value that is not an image written to a file, by key, in declaration order
 * @param written the image outputs written, by key
 * @param millis how long the command ran
 * @param interrupted the run was {@linkplain CommandRunner#interrupt() interrupted} and the command stopped early
 */
public record RunResult(Map<String, Object> outputs, Map<String, Path> written, long millis, boolean interrupted) {}
