package org.hourglass.benchmark.superres;

import org.hourglass.api.image.Plane;

/**
 * One image of a benchmark set.
 *
 * @param name its file name
 * @param luminance its 8-bit luminance ({@link LiteratureProtocol#luminance}), at full size
 */
public record SetImage(String name, Plane luminance) {}
