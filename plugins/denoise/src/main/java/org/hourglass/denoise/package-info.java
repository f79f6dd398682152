/**
 * The Denoise variant: its commands, its definition ({@link org.hourglass.denoise.DenoiseVariant}) and its
 * training pairs (blind-spot masks, neighbour sub-sampling, synthetic noise), which other bundles (the
 * benchmarks) may use.
 */
@Export
@Version("0.1.0")
package org.hourglass.denoise;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
