/**
 * The convolutional autoencoder variant: its definition ({@link org.hourglass.autoencoder.AutoencoderVariant}),
 * how images are put on the network's canvas ({@link org.hourglass.autoencoder.Canvas}), a trained autoencoder
 * that encodes and reconstructs image sets ({@link org.hourglass.autoencoder.Autoencoder}), 2-D maps of codes
 * beside PCA ({@link org.hourglass.autoencoder.EmbeddingMap}), and its commands. Other bundles (the benchmarks)
 * may use the variant's classes.
 */
@Export
@Version("0.1.0")
package org.hourglass.autoencoder;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
