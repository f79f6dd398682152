package org.hourglass.engine.file;

import java.util.Map;

import org.hourglass.api.ModelInfo;
import org.hourglass.api.image.Plane;

/**
 * Everything a model file holds.
 *
 * @param info metadata and training history
 * @param weights variable name (as in the SameDiff graph) to array; {@link ModelArchive#read} returns them
 *          sorted by name
 * @param testInput a small plane in the network's normalised space
 * @param testOutput the network's raw (normalised-space) output for {@code testInput}, used to check the
 *          model when it is loaded
 */
public record ArchiveContents(ModelInfo info, Map<String, StoredArray> weights, Plane testInput, Plane testOutput) {}
