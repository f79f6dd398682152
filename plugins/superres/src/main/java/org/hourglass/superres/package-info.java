/**
 * The Upscale (super-resolution) variant: its commands, its definition
 * ({@link org.hourglass.superres.SuperResVariant}), its training pairs ({@link org.hourglass.superres.Downscaler})
 * and the literature's bicubic resampling ({@link org.hourglass.superres.Bicubic}), which other bundles (the
 * benchmarks) may use.
 */
@Export
@Version("0.1.0")
package org.hourglass.superres;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
