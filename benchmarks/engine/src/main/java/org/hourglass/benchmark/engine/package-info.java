/**
 * Engine benchmarks (speed against PyTorch, memory over long runs, tiled prediction) and the measuring tools
 * other benchmark bundles use: resident memory, its peak while something runs, the engine's facts, medians.
 */
@Export
@Version("0.1.0")
package org.hourglass.benchmark.engine;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
