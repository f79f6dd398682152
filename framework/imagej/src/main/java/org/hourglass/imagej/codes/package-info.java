/**
 * Codes of images for people to use: tables and CSV files of codes, labels of images, and 2-D maps of codes
 * as scatter plots coloured by label, with thumbnails. Shared by the variants that encode images (the
 * autoencoder and the variational autoencoder).
 */
@Export
@Version("0.1.0")
package org.hourglass.imagej.codes;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
