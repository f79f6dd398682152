/**
 * Whole images and their codes: the images a command reads (a stack's slices or a folder's images, of one
 * size), training on whole images with some held out to validate on, and codes for people to use: tables and
 * CSV files of codes, labels of images, and 2-D maps of codes as scatter plots coloured by label, with
 * thumbnails. Shared by the variants that encode images (the autoencoder and the variational autoencoder).
 */
@Export
@Version("0.1.0")
package org.hourglass.imagej.codes;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
