/**
 * The variational autoencoder variant: its commands (Train, Generate, Latent Grid, Encode, Latent Map), its
 * definition ({@link org.hourglass.vae.VaeVariant}), how its images sit in the network
 * ({@link org.hourglass.vae.ImageFrame}), its training data ({@link org.hourglass.vae.VaeTraining}) and latent
 * codes ({@link org.hourglass.vae.LatentCodes}, {@link org.hourglass.vae.NormalQuantile}), which other bundles
 * (the benchmark) may use.
 */
@Export
@Version("0.1.0")
package org.hourglass.vae;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
